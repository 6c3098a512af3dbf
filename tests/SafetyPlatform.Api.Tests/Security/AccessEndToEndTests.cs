using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using SafetyPlatform.Api.AuditLog.V1;
using SafetyPlatform.Api.Diagnostics.V1;
using SafetyPlatform.Api.Monitoring.V1;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Domain.Security;

namespace SafetyPlatform.Api.Tests.Security;

/// <summary>What the access rules allow, through the real gateway: each caller within their reach, identities from the token, rate limits, and the audit log's chain.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AccessEndToEndTests(PlatformFixture fixture)
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(20);

    [Fact]
    public async Task A_lead_reads_and_acts_for_the_members_of_their_own_team()
    {
        var floor = await SecurityFloor.Create(fixture.Platform);
        using var lead = fixture.Platform.ConnectAs(floor.LeadOfA);

        var team = await lead.Roster.GetTeamAsync(new GetTeamRequest { Name = floor.A.Name }, deadline: Deadline);
        var stats = await lead.Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = floor.A2.Name + "/stats" }, deadline: Deadline);
        var moved = await lead.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = floor.A2.Name, ActivityState = ActivityState.Available }, deadline: Deadline);
        var work = await lead.Work.GetSpecialistWorkAsync(new GetSpecialistWorkRequest { Specialist = floor.A2.Name }, deadline: Deadline);

        Assert.Equal(floor.A.Name, team.Name);
        Assert.Equal(ActivityState.Available, moved.ActivityState);
        Assert.NotNull(stats);
        Assert.NotNull(work);
        await Expect.Status(StatusCode.PermissionDenied, () => lead.Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = floor.B1.Name }, deadline: Deadline).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => lead.Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = "specialists/nobody-at-all" }, deadline: Deadline).ResponseAsync);
        // Their own queue, but not to hand its work to another team.
        var handOver = new UpdateQueueRequest { Queue = new Queue { Name = floor.QueueA.Name, ServingTeams = { floor.A.Name, floor.B.Name } }, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "serving_teams" } } };
        await Expect.Status(StatusCode.PermissionDenied, () => lead.Work.UpdateQueueAsync(handOver, deadline: Deadline).ResponseAsync);
    }

    [Fact]
    public async Task A_specialist_acts_as_themselves_when_the_request_leaves_them_out_and_reads_only_their_own_records()
    {
        var floor = await SecurityFloor.Create(fixture.Platform);
        using var specialist = fixture.Platform.ConnectAs(floor.SpecialistA1);

        var available = await specialist.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = floor.A1.Name, ActivityState = ActivityState.Available }, deadline: Deadline);
        var next = await specialist.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest(), deadline: Deadline);
        var exposure = await specialist.Wellbeing.GetExposureAsync(new GetExposureRequest { Name = floor.A1.Name + "/exposure" }, deadline: Deadline);

        Assert.Equal(ActivityState.Available, available.ActivityState);
        Assert.Null(next.WorkItem);
        Assert.NotNull(exposure);
        await Expect.Status(StatusCode.PermissionDenied, () => specialist.Wellbeing.GetExposureAsync(new GetExposureRequest { Name = floor.A2.Name + "/exposure" }, deadline: Deadline).ResponseAsync);
        await Expect.Status(StatusCode.PermissionDenied, () => specialist.Wellbeing.ListTeamWellbeingAsync(new ListTeamWellbeingRequest { Parent = floor.A.Name }, deadline: Deadline).ResponseAsync);
        await Expect.Status(StatusCode.PermissionDenied, () => specialist.Work.GetWorkItemAsync(new GetWorkItemRequest { Name = floor.ItemB.Name }, deadline: Deadline).ResponseAsync);
        await Expect.Status(StatusCode.PermissionDenied, () => specialist.Work.ListWorkItemsAsync(new ListWorkItemsRequest { Parent = floor.QueueA.Name }, deadline: Deadline).ResponseAsync);
    }

    [Fact]
    public async Task A_tool_submits_to_the_queues_it_was_granted_as_itself()
    {
        var floor = await SecurityFloor.Create(fixture.Platform);
        using var tool = fixture.Platform.ConnectAs(floor.ToolOfQueueA);
        var report = WorkEndToEndTests.Report(floor.QueueA, RosterEndToEndTests.Unique("r"));
        report.WorkItem.Client = string.Empty;

        var item = await tool.Work.EnqueueWorkItemAsync(report, deadline: Deadline);

        Assert.Equal(SecurityFloor.Id(floor.ToolOfQueueA.Subject), item.Client);
        var elsewhere = WorkEndToEndTests.Report(floor.QueueB, RosterEndToEndTests.Unique("r"));
        elsewhere.WorkItem.Client = string.Empty;
        await Expect.Status(StatusCode.PermissionDenied, () => tool.Work.EnqueueWorkItemAsync(elsewhere, deadline: Deadline).ResponseAsync);
        var impostor = WorkEndToEndTests.Report(floor.QueueA, RosterEndToEndTests.Unique("r"));
        await Expect.Status(StatusCode.PermissionDenied, () => tool.Work.EnqueueWorkItemAsync(impostor, deadline: Deadline).ResponseAsync);
        await Expect.Status(StatusCode.PermissionDenied, () => tool.Roster.GetTeamAsync(new GetTeamRequest { Name = floor.A.Name }, deadline: Deadline).ResponseAsync);
    }

    [Fact]
    public async Task One_client_over_its_rate_limit_is_told_when_to_retry_while_another_proceeds()
    {
        var floor = await SecurityFloor.Create(fixture.Platform);
        using var burst = fixture.Platform.ConnectAs(LocalPlatform.Admin with { Subject = "clients/" + RosterEndToEndTests.Unique("burst") });
        using var steady = fixture.Platform.ConnectAs(LocalPlatform.Admin with { Subject = "clients/" + RosterEndToEndTests.Unique("steady") });
        var echo = new EchoRequest { Payload = ByteString.CopyFromUtf8("ping") };

        var burstResults = new List<StatusCode>();
        for (var i = 0; i < 8; i++)
        {
            try
            {
                await burst.Diagnostics.EchoAsync(echo, deadline: Deadline);
                burstResults.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                burstResults.Add(e.StatusCode);
                if (e.StatusCode == StatusCode.ResourceExhausted)
                {
                    Assert.NotNull(e.Trailers.GetValue("retry-after"));
                    Assert.NotNull(e.GetRpcStatus()?.GetDetail<RetryInfo>());
                }
            }
        }

        for (var i = 0; i < 5; i++)
        {
            await steady.Diagnostics.EchoAsync(echo, deadline: Deadline);
        }

        Assert.Equal([.. Enumerable.Repeat(StatusCode.OK, 5), .. Enumerable.Repeat(StatusCode.ResourceExhausted, 3)], burstResults);
        // The burst spent only its own bucket of its own method group.
        await burst.Roster.GetTeamAsync(new GetTeamRequest { Name = floor.A.Name }, deadline: Deadline);
    }

    [Fact]
    public async Task A_write_and_a_private_read_are_recorded_with_caller_resource_and_result()
    {
        var floor = await SecurityFloor.Create(fixture.Platform);
        using var lead = fixture.Platform.ConnectAs(floor.LeadOfA);

        await lead.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = floor.A2.Name, ActivityState = ActivityState.Available }, deadline: Deadline);
        await lead.Wellbeing.GetExposureAsync(new GetExposureRequest { Name = floor.A2.Name + "/exposure" }, deadline: Deadline);
        await Expect.Status(StatusCode.PermissionDenied, () => lead.Wellbeing.GetExposureAsync(new GetExposureRequest { Name = floor.B1.Name + "/exposure" }, deadline: Deadline).ResponseAsync);
        await lead.Roster.GetTeamAsync(new GetTeamRequest { Name = floor.A.Name }, deadline: Deadline);

        var entries = (await fixture.Connection.AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest { Caller = floor.LeadOfA.Subject }, deadline: Deadline)).Entries;
        Assert.Equal(
            [
                ("/safety.roster.v1.RosterService/SetActivityState", floor.A2.Name, "OK"),
                ("/safety.wellbeing.v1.WellbeingService/GetExposure", floor.A2.Name + "/exposure", "OK"),
                ("/safety.wellbeing.v1.WellbeingService/GetExposure", floor.B1.Name + "/exposure", "PERMISSION_DENIED"),
            ],
            entries.Select(e => (e.Method, e.Resource, e.Result)));
        var byResource = await fixture.Connection.AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = floor.B1.Name + "/exposure" }, deadline: Deadline);
        Assert.Equal(floor.LeadOfA.Subject, Assert.Single(byResource.Entries).Caller);
    }

    [Fact]
    public async Task The_audit_log_pages_through_a_callers_entries_in_order_and_refuses_bad_queries()
    {
        var floor = await SecurityFloor.Create(fixture.Platform);
        using var lead = fixture.Platform.ConnectAs(floor.LeadOfA);
        var before = DateTime.UtcNow.AddSeconds(-5);
        foreach (var state in new[] { ActivityState.Available, ActivityState.Break, ActivityState.Available, ActivityState.Break, ActivityState.Available })
        {
            await lead.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = floor.A2.Name, ActivityState = state }, deadline: Deadline);
        }

        var pages = new List<IReadOnlyList<AuditEntry>>();
        var token = string.Empty;
        do
        {
            var page = await fixture.Connection.AuditLog.ListAuditEntriesAsync(
                new ListAuditEntriesRequest { Caller = floor.LeadOfA.Subject, StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(before), PageSize = 2, PageToken = token },
                deadline: Deadline);
            pages.Add([.. page.Entries]);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var entries = pages.SelectMany(p => p).ToList();
        Assert.Equal(5, entries.Count);
        Assert.All(pages.Where(p => p.Count > 0), p => Assert.True(p.Count <= 2));
        Assert.Equal(entries.OrderBy(e => e.Chain, StringComparer.Ordinal).ThenBy(e => e.Sequence).Select(e => e.Hash), entries.Select(e => e.Hash));
        await Expect.InvalidField("page_token", () => fixture.Connection.AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageToken = "not-a-token" }, deadline: Deadline).ResponseAsync);
        await Expect.InvalidField("end_time", () => fixture.Connection.AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(before),
            EndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(before.AddSeconds(-1)),
        }, deadline: Deadline).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => fixture.Connection.AuditLog.VerifyAuditLogAsync(new VerifyAuditLogRequest { Chain = "no-such-chain" }, deadline: Deadline).ResponseAsync);
    }

    [Fact]
    public async Task The_audit_chain_verifies_and_an_edited_or_removed_entry_is_detected()
    {
        var floor = await SecurityFloor.Create(fixture.Platform);
        using var lead = fixture.Platform.ConnectAs(floor.LeadOfA);
        await lead.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = floor.A2.Name, ActivityState = ActivityState.Available }, deadline: Deadline);
        await lead.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = floor.A2.Name, ActivityState = ActivityState.Break }, deadline: Deadline);
        var recorded = (await fixture.Connection.AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest { Caller = floor.LeadOfA.Subject }, deadline: Deadline)).Entries;
        var first = recorded[0];
        Assert.True((await Verify(first.Chain)).Intact);

        // The entry, in the block row that holds it (docs/SECURITY.md, "Audit log").
        var table = new TableClient(fixture.Platform.StorageConnectionString, "AuditLog");
        TableEntity? block = null;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {first.Chain} and First le {first.Sequence} and Last ge {first.Sequence}")))
        {
            block = row;
        }

        Assert.NotNull(block);
        var original = new TableEntity(block);
        try
        {
            var entries = JsonNode.Parse(block.GetString("Entries"))!.AsArray();
            var entry = entries.Single(e => (long)e!["s"]! == first.Sequence)!;
            entry["r"] = floor.A1.Name;
            block["Entries"] = entries.ToJsonString();
            await table.UpdateEntityAsync(block, Azure.ETag.All, TableUpdateMode.Replace);
            var edited = await Verify(first.Chain);
            Assert.False(edited.Intact);
            Assert.Equal(first.Sequence, edited.FirstBrokenSequence);
            Assert.Contains("changed", edited.Problem, StringComparison.Ordinal);

            // Its hash recomputed too, as someone with the storage account but without the silo's audit key could.
            var forged = AuditChain.HashOf(first.Chain, first.Sequence, first.Time.ToDateTimeOffset(), first.Caller, first.Method, floor.A1.Name, first.Result, first.PreviousHash);
            entry["h"] = forged;
            block["Entries"] = entries.ToJsonString();
            await table.UpdateEntityAsync(block, Azure.ETag.All, TableUpdateMode.Replace);
            var rehashed = await Verify(first.Chain);
            Assert.False(rehashed.Intact);
            Assert.Equal(first.Sequence, rehashed.FirstBrokenSequence);

            entries.Remove(entry);
            block["Entries"] = entries.ToJsonString();
            await table.UpdateEntityAsync(block, Azure.ETag.All, TableUpdateMode.Replace);
            var removed = await Verify(first.Chain);
            Assert.False(removed.Intact);
            Assert.Equal(first.Sequence, removed.FirstBrokenSequence);
        }
        finally
        {
            await table.UpsertEntityAsync(original, TableUpdateMode.Replace);
        }

        Assert.True((await Verify(first.Chain)).Intact);
    }

    private async Task<ChainVerification> Verify(string chain) =>
        Assert.Single((await fixture.Connection.AuditLog.VerifyAuditLogAsync(new VerifyAuditLogRequest { Chain = chain }, deadline: Deadline)).Chains);
}
