using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Domain.Security;
using SafetyPlatform.Security;

namespace SafetyPlatform.Api.Tests.Security;

/// <summary>docs/SECURITY.md's table of every method is the access rules, rendered: a rule changed without the doc fails here, with the table to paste.</summary>
public sealed class SecurityDocsTests
{
    private const string Start = "<!-- access-table:start -->";
    private const string End = "<!-- access-table:end -->";

    [Fact]
    public void The_method_table_in_the_security_doc_is_the_access_rules()
    {
        var doc = File.ReadAllText(Path.Combine(LocalPlatform.RepositoryRoot(), "docs", "SECURITY.md")).ReplaceLineEndings("\n");
        var from = doc.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        var table = doc[from..doc.IndexOf(End, StringComparison.Ordinal)].Trim();

        Assert.True(Render() == table, "docs/SECURITY.md's method table differs from ApiAccess; replace it with:\n" + Render());
    }

    private static string Render() => string.Join('\n',
    [
        "| Method | Scope | Acts on (field, kind) | Acts as (field, kind) | Audit |",
        "| --- | --- | --- | --- | --- |",
        .. ApiAccess.Methods.Values.OrderBy(m => m.Method, StringComparer.Ordinal).Select(m =>
            $"| `{m.Method[1..]}` | `{m.Scope}` | {List(m.Objects.Select(Describe))} | {List(m.Actors.Select(Describe))} | {Describe(m.Audit)} |"),
    ]);

    private static string List(IEnumerable<string> parts) => string.Join(", ", parts) is { Length: > 0 } joined ? joined : "—";

    private static string Describe(ObjectField field) => field.Path.Length == 0 ? "whole organisation" : $"`{field.Path}` ({field.Kind switch
    {
        ObjectKind.Team => "team",
        ObjectKind.Specialist => "specialist",
        ObjectKind.Queue => "queue",
        ObjectKind.WorkItem => "work item",
        ObjectKind.QueueItems => "queue's items",
        ObjectKind.Client => "own client",
        _ => "whole organisation",
    }}{(field.Optional ? ", optional" : string.Empty)}{(field.NotOwnRecord ? ", not own record" : string.Empty)})";

    private static string Describe(ActorField field) => $"`{field.Path}` ({field.Kind switch
    {
        ActorKind.Specialist => "specialist",
        ActorKind.Client => "own client",
        _ => "caller",
    }})";

    private static string Describe(AuditClass audit) => audit switch
    {
        AuditClass.Write => "write",
        AuditClass.PrivateRead => "private read",
        _ => "—",
    };
}
