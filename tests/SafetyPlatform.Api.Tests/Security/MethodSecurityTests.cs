using Grpc.Core;
using Grpc.Net.Client;
using SafetyPlatform.Api.AuditLog.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Domain.Security;
using SafetyPlatform.Security;

namespace SafetyPlatform.Api.Tests.Security;

/// <summary>
/// Generated from the service descriptors: every method of every service, called through the
/// real gateway (and straight at the silo), without a token, with a bad token, without its scope,
/// across teams and in another's name; a method added without an access rule fails here first.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MethodSecurityTests(PlatformFixture fixture) : IDisposable
{
    private static readonly SemaphoreSlim FloorGate = new(1, 1);
    private static SecurityFloor? _floor;
    private static LocalPlatform? _floorPlatform;

    private readonly GrpcChannel _gateway = GrpcChannel.ForAddress(fixture.Platform.GatewayAddress);

    public static TheoryData<string> Methods => [.. Paths];

    public static TheoryData<string> MethodsNamingObjects => [.. Paths.Where(path => ApiAccess.For(path)?.Objects.Count > 0)];

    public static TheoryData<string> MethodsNamingActors => [.. Paths.Where(path => ApiAccess.For(path)?.Actors.Count > 0)];

    public static TheoryData<string> AuditedMethods => [.. Paths.Where(path => ApiAccess.For(path)?.Audit != AuditClass.None)];

    private static IEnumerable<string> Paths => RawCalls.AllMethods.Select(RawCalls.Path);

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public void Every_method_of_every_service_has_an_access_rule_whose_fields_its_request_has()
    {
        Assert.Empty(ApiAccess.Problems(RawCalls.AllServices));
        Assert.Equal(RawCalls.AllMethods.Count, ApiAccess.Methods.Count);
    }

    [Theory, MemberData(nameof(Methods))]
    public async Task Without_a_token_every_method_is_unauthenticated(string path)
    {
        var status = await RawCalls.Call(_gateway.CreateCallInvoker(), RawCalls.Find(path), RawCalls.EmptyRequest(RawCalls.Find(path)), token: null);

        AssertStatus(StatusCode.Unauthenticated, status, "bearer token is required");
    }

    [Theory, MemberData(nameof(Methods))]
    public async Task An_expired_token_is_unauthenticated(string path)
    {
        var expired = fixture.Platform.MintToken(LocalPlatform.Admin with { Lifetime = TimeSpan.FromMinutes(5), IssuedAt = DateTimeOffset.UtcNow.AddHours(-1) });

        var status = await RawCalls.Call(_gateway.CreateCallInvoker(), RawCalls.Find(path), RawCalls.EmptyRequest(RawCalls.Find(path)), expired);

        AssertStatus(StatusCode.Unauthenticated, status, "expired");
    }

    [Theory, MemberData(nameof(Methods))]
    public async Task A_token_signed_by_another_key_is_unauthenticated(string path)
    {
        using var stranger = LocalTokenIssuer.Create();

        var status = await RawCalls.Call(_gateway.CreateCallInvoker(), RawCalls.Find(path), RawCalls.EmptyRequest(RawCalls.Find(path)), stranger.Mint(LocalPlatform.Admin));

        AssertStatus(StatusCode.Unauthenticated, status, "signature");
    }

    [Theory, MemberData(nameof(Methods))]
    public async Task A_token_without_the_methods_scope_is_permission_denied(string path)
    {
        var scope = ApiAccess.For(path)!.Scope;
        var token = fixture.Platform.MintToken(LocalPlatform.Admin with { Scopes = [.. Scopes.All.Where(s => s != scope)] });

        var status = await RawCalls.Call(_gateway.CreateCallInvoker(), RawCalls.Find(path), RawCalls.EmptyRequest(RawCalls.Find(path)), token);

        AssertStatus(StatusCode.PermissionDenied, status, $"scope '{scope}'");
    }

    [Theory, MemberData(nameof(Methods))]
    public async Task A_silo_called_directly_without_a_token_refuses(string path)
    {
        using var silo = GrpcChannel.ForAddress(fixture.Platform.SiloAddress);

        var status = await RawCalls.Call(silo.CreateCallInvoker(), RawCalls.Find(path), RawCalls.EmptyRequest(RawCalls.Find(path)), token: null);

        AssertStatus(StatusCode.Unauthenticated, status, "bearer token is required");
    }

    [Theory, MemberData(nameof(Methods))]
    public async Task A_silo_called_directly_with_a_token_lacking_the_scope_refuses(string path)
    {
        using var silo = GrpcChannel.ForAddress(fixture.Platform.SiloAddress);
        var scope = ApiAccess.For(path)!.Scope;
        var token = fixture.Platform.MintToken(LocalPlatform.Admin with { Scopes = [.. Scopes.All.Where(s => s != scope)] });

        var status = await RawCalls.Call(silo.CreateCallInvoker(), RawCalls.Find(path), RawCalls.EmptyRequest(RawCalls.Find(path)), token);

        AssertStatus(StatusCode.PermissionDenied, status, $"scope '{scope}'");
    }

    [Theory, MemberData(nameof(MethodsNamingObjects))]
    public async Task A_team_lead_naming_what_belongs_to_another_team_is_permission_denied(string path)
    {
        var floor = await Floor();
        var method = RawCalls.Find(path);
        var request = RawCalls.EmptyRequest(method);
        foreach (var field in ApiAccess.For(path)!.Objects.Where(o => o.Path.Length > 0))
        {
            RawCalls.Set(request, field.Path, floor.OfTeamB(field.Kind));
        }

        var status = await RawCalls.Call(_gateway.CreateCallInvoker(), method, request, fixture.Platform.MintToken(floor.LeadOfA));

        // Refused by the object rules, or (a client's outbox) by the actor rule first.
        Assert.True(status.StatusCode == StatusCode.PermissionDenied, $"expected PermissionDenied, got {status.StatusCode}: {status.Detail}");
        Assert.True(status.Detail.Contains("may not act on", StringComparison.Ordinal) || status.Detail.Contains("names", StringComparison.Ordinal), status.Detail);
    }

    [Theory, MemberData(nameof(MethodsNamingObjects))]
    public async Task A_silo_called_directly_applies_the_same_object_rules(string path)
    {
        var floor = await Floor();
        using var silo = GrpcChannel.ForAddress(fixture.Platform.SiloAddress);
        var method = RawCalls.Find(path);
        var request = RawCalls.EmptyRequest(method);
        foreach (var field in ApiAccess.For(path)!.Objects.Where(o => o.Path.Length > 0))
        {
            RawCalls.Set(request, field.Path, floor.OfTeamB(field.Kind));
        }

        var status = await RawCalls.Call(silo.CreateCallInvoker(), method, request, fixture.Platform.MintToken(floor.LeadOfA));

        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
    }

    [Theory, MemberData(nameof(MethodsNamingActors))]
    public async Task A_specialist_naming_another_identity_is_permission_denied(string path)
    {
        var floor = await Floor();
        var method = RawCalls.Find(path);
        var request = RawCalls.EmptyRequest(method);
        foreach (var field in ApiAccess.For(path)!.Actors)
        {
            RawCalls.Set(request, field.Path, field.Kind == ActorKind.Client ? "another-tool" : floor.A2.Name);
        }

        var status = await RawCalls.Call(_gateway.CreateCallInvoker(), method, request, fixture.Platform.MintToken(floor.SpecialistA1));

        AssertStatus(StatusCode.PermissionDenied, status, "names");
    }

    [Theory, MemberData(nameof(AuditedMethods))]
    public async Task Every_call_of_a_write_or_private_read_is_in_the_audit_log_with_its_result(string path)
    {
        var probe = LocalPlatform.Admin with { Subject = "people/" + RosterEndToEndTests.Unique("probe") };
        var method = RawCalls.Find(path);

        var status = await RawCalls.Call(_gateway.CreateCallInvoker(), method, RawCalls.EmptyRequest(method), fixture.Platform.MintToken(probe));

        var entries = await fixture.Connection.AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest { Caller = probe.Subject, PageSize = 10 });
        var entry = Assert.Single(entries.Entries, e => e.Method == path && e.Result != "STREAM_OPENED");
        // As gRPC spells its codes: PermissionDenied is PERMISSION_DENIED.
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(status.StatusCode.ToString(), "(?<=[a-z])([A-Z])", "_$1").ToUpperInvariant(), entry.Result);
        Assert.Equal(64, entry.Hash.Length);
    }

    private static void AssertStatus(StatusCode expected, Status actual, string detail)
    {
        Assert.True(expected == actual.StatusCode, $"expected {expected}, got {actual.StatusCode}: {actual.Detail}");
        Assert.Contains(detail, actual.Detail, StringComparison.Ordinal);
    }

    private async Task<SecurityFloor> Floor()
    {
        await FloorGate.WaitAsync();
        try
        {
            if (_floor is null || _floorPlatform != fixture.Platform)
            {
                _floor = await SecurityFloor.Create(fixture.Platform);
                _floorPlatform = fixture.Platform;
            }

            return _floor;
        }
        finally
        {
            FloorGate.Release();
        }
    }
}
