using SafetyPlatform.Domain.Security;
using SafetyPlatform.Security;

// The local token issuer, for development only (production tokens come from the organisation's
// OpenID Connect provider, Security:Authority). See README and docs/SECURITY.md.
//   safety-token init --key FILE --keys FILE
//   safety-token mint --key FILE --subject NAME [--role R]... [--scope S]... [--team T]... [--queue Q]... [--hours H]
const string Usage = """
    usage:
      safety-token init --key issuer-key.pem --keys signing-keys.json
          writes a new RSA signing key (PEM, owner-only) and the key set the gateway and silos trust
      safety-token mint --key issuer-key.pem --subject NAME [--role ROLE]... [--scope SCOPE]... [--team TEAM]... [--queue QUEUE]... [--hours 8]
          prints a token for NAME: specialists/{id} or people/{id} (a person), clients/{id} (a tool)
          roles: specialist, team_lead, operations_manager, wellbeing, qa_auditor, platform_admin, service
          scopes default to what the roles hold (docs/SECURITY.md); teams and queues take ids, or * for all
    """;

if (args.Length == 0 || args[0] is not ("init" or "mint"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var options = args.Skip(1).Chunk(2).Where(pair => pair.Length == 2).ToLookup(pair => pair[0], pair => pair[1]);
string Issuer() => options["--issuer"].LastOrDefault() ?? SecurityOptions.LocalIssuer;
string Audience() => options["--audience"].LastOrDefault() ?? SecurityOptions.PlatformAudience;
string Required(string name) => options[name].LastOrDefault() ?? throw new ArgumentException($"{name} is required\n{Usage}");

try
{
    if (args[0] == "init")
    {
        using var created = LocalTokenIssuer.Create(Issuer(), Audience());
        created.Save(Required("--key"), Required("--keys"));
        Console.WriteLine($"wrote {Required("--key")} (private) and {Required("--keys")} (public)");
        return 0;
    }

    var subject = Required("--subject");
    var roles = options["--role"].ToList();
    if (roles.Count == 0)
    {
        roles.Add(subject.StartsWith("clients/", StringComparison.Ordinal) ? "service" : "specialist");
    }

    foreach (var role in roles.Where(r => !CallerClaims.TryParseRole(r, out _)))
    {
        throw new ArgumentException($"unknown role '{role}'\n{Usage}");
    }

    var scopes = options["--scope"].ToList();
    if (scopes.Count == 0)
    {
        scopes = [.. roles.SelectMany(r => CallerClaims.TryParseRole(r, out var parsed) ? RoleScopes.For(parsed) : []).Distinct()];
    }

    var hours = double.Parse(options["--hours"].LastOrDefault() ?? "8", System.Globalization.CultureInfo.InvariantCulture);
    using var issuer = LocalTokenIssuer.Load(Required("--key"), Issuer(), Audience());
    Console.WriteLine(issuer.Mint(new TokenRequest(subject, roles, scopes, [.. options["--team"]], [.. options["--queue"]], TimeSpan.FromHours(hours))));
    return 0;
}
catch (Exception e) when (e is ArgumentException or IOException or FormatException or System.Security.Cryptography.CryptographicException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
