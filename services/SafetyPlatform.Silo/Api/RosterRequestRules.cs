using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Roster;
using HarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory;

namespace SafetyPlatform.Silo.Api;

/// <summary>
/// Checks of roster requests, field by field, before anything is touched. Each failure names
/// the field as the request spells it (`team.display_name`, `specialist.policy_skills[1].proficiency`).
/// </summary>
public static class RosterRequestRules
{
    public static FieldCheck Name(this FieldCheck check, string value, string collection, string field, out string id)
    {
        var ok = ResourceIds.TryParse(value, collection, out id);
        return check.Require(ok, field, value.Length == 0
            ? $"is required: `{collection}/{{id}}`"
            : $"must be `{collection}/{{id}}` with an id of 1 to 63 lower-case letters, digits and hyphens");
    }

    /// <summary>The statistics of a resource, a singleton beneath it: `{collection}/{id}/stats`.</summary>
    public static FieldCheck StatsName(this FieldCheck check, string value, string collection, string field, out string id) =>
        check.SubResourceName(value, collection, "stats", field, out id);

    /// <summary>A singleton sub-resource of a resource: `{collection}/{id}/{part}`.</summary>
    public static FieldCheck SubResourceName(this FieldCheck check, string value, string collection, string part, string field, out string id)
    {
        id = string.Empty;
        var ok = value.EndsWith("/" + part, StringComparison.Ordinal) && ResourceIds.TryParse(value[..^(part.Length + 1)], collection, out id);
        return check.Require(ok, field, value.Length == 0
            ? $"is required: `{collection}/{{id}}/{part}`"
            : $"must be `{collection}/{{id}}/{part}` with an id of 1 to 63 lower-case letters, digits and hyphens");
    }

    public static FieldCheck OptionalId(this FieldCheck check, string value, string field) =>
        check.Require(value.Length == 0 || ResourceIds.IsValidId(value), field,
            "must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter");

    public static FieldCheck RequestId(this FieldCheck check, string value) =>
        check.Require(value.Length == 0 || TextRules.IsRequestId(value), "request_id",
            $"must be 1 to {TextRules.MaxRequestId} printable characters without spaces");

    public static FieldCheck Text(this FieldCheck check, string value, int max, string field, bool required = false)
    {
        check.Require(TextRules.IsCleanText(value, max), field, $"must be at most {max} characters with no control characters");
        return check.Require(!required || value.Trim().Length > 0, field, "is required");
    }

    public static FieldCheck ChangeContext(this FieldCheck check, string reason, string actor) =>
        check.Text(reason, TextRules.MaxReason, "reason").Text(actor, TextRules.MaxActor, "actor");

    public static FieldCheck PageSize(this FieldCheck check, int requested, out int pageSize) =>
        check.Require(PageTokens.TryResolvePageSize(requested, out pageSize), "page_size", "must be between 0 and 1000");

    public static FieldCheck PageToken(this FieldCheck check, string token, string list, out string afterKey) =>
        check.Require(PageTokens.TryDecode(token, list, out afterKey), "page_token",
            "is not a token this list returned; start again with an empty token");

    public static FieldCheck TeamFields(this FieldCheck check, Team team, IReadOnlyCollection<string> fields)
    {
        if (fields.Contains("display_name"))
        {
            check.Text(team.DisplayName, TextRules.MaxDisplayName, "team.display_name", required: true);
        }

        if (fields.Contains("lead"))
        {
            check.Require(team.Lead.Length == 0 || ResourceIds.TryParse(team.Lead, Collections.Specialists, out _),
                "team.lead", "must be empty or `specialists/{id}`");
        }

        if (fields.Contains("site"))
        {
            check.Text(team.Site, TextRules.MaxSiteOrVendor, "team.site");
        }

        if (fields.Contains("vendor"))
        {
            check.Text(team.Vendor, TextRules.MaxSiteOrVendor, "team.vendor");
        }

        if (fields.Contains("time_zone"))
        {
            check.Require(team.TimeZone.Length == 0 || TextRules.IsTimeZone(team.TimeZone),
                "team.time_zone", "must be an IANA time zone such as `Europe/Dublin`");
        }

        return check;
    }

    public static FieldCheck SpecialistFields(this FieldCheck check, Specialist s, IReadOnlyCollection<string> fields, bool creating)
    {
        if (fields.Contains("display_name"))
        {
            check.Text(s.DisplayName, TextRules.MaxDisplayName, "specialist.display_name", required: true);
        }

        if (fields.Contains("role"))
        {
            check.Require(System.Enum.IsDefined(s.Role) && (creating || s.Role != Role.Unspecified),
                "specialist.role", "must be ROLE_SPECIALIST, ROLE_LEAD or ROLE_OPS_MANAGER");
        }

        if (fields.Contains("policy_skills"))
        {
            check.Require(s.PolicySkills.Count <= TextRules.MaxSkills, "specialist.policy_skills", $"at most {TextRules.MaxSkills} skills");
            var seen = new HashSet<HarmCategory>();
            for (var i = 0; i < s.PolicySkills.Count; i++)
            {
                var skill = s.PolicySkills[i];
                var field = $"specialist.policy_skills[{i}]";
                check.Require(skill.HarmCategory != HarmCategory.Unspecified && System.Enum.IsDefined(skill.HarmCategory),
                    field + ".harm_category", "must be a known harm category");
                check.Require(seen.Add(skill.HarmCategory), field + ".harm_category", "is listed more than once");
                check.Proficiency(skill.Proficiency, field + ".proficiency");
            }
        }

        if (fields.Contains("language_skills"))
        {
            check.Require(s.LanguageSkills.Count <= TextRules.MaxSkills, "specialist.language_skills", $"at most {TextRules.MaxSkills} skills");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < s.LanguageSkills.Count; i++)
            {
                var skill = s.LanguageSkills[i];
                var field = $"specialist.language_skills[{i}]";
                check.Require(TextRules.IsLanguageTag(skill.LanguageCode), field + ".language_code", "must be a BCP-47 tag such as `en` or `pt-BR`");
                check.Require(seen.Add(skill.LanguageCode), field + ".language_code", "is listed more than once");
                check.Proficiency(skill.Proficiency, field + ".proficiency");
            }
        }

        if (fields.Contains("max_concurrent_items"))
        {
            var min = creating ? 0 : 1;
            check.Require(s.MaxConcurrentItems >= min && s.MaxConcurrentItems <= TextRules.MaxConcurrentItems,
                "specialist.max_concurrent_items", $"must be between 1 and {TextRules.MaxConcurrentItems}");
        }

        if (fields.Contains("site"))
        {
            check.Text(s.Site, TextRules.MaxSiteOrVendor, "specialist.site");
        }

        if (fields.Contains("vendor"))
        {
            check.Text(s.Vendor, TextRules.MaxSiteOrVendor, "specialist.vendor");
        }

        return check;
    }

    /// <summary>
    /// The fields an update changes (AIP-134): the mask's paths; `*` for every field; with no
    /// mask, every field the request sets to a non-default value.
    /// </summary>
    public static FieldCheck UpdateMask(this FieldCheck check, FieldMask? mask, IReadOnlyList<string> allowed,
        Func<string, bool> isSet, out IReadOnlyList<string> fields)
    {
        var paths = mask?.Paths ?? [];
        if (paths.Count == 0)
        {
            fields = [.. allowed.Where(isSet)];
            return check.Require(fields.Count > 0, "update_mask", "nothing to update: name the fields in update_mask");
        }

        if (paths.Contains("*"))
        {
            fields = allowed;
            return check.Require(paths.Count == 1, "update_mask", "`*` cannot be combined with other paths");
        }

        fields = [.. paths.Distinct()];
        foreach (var path in fields)
        {
            check.Require(allowed.Contains(path), "update_mask",
                $"`{path}` cannot be updated; allowed: {string.Join(", ", allowed)}");
        }

        return check;
    }

    private static void Proficiency(this FieldCheck check, Proficiency value, string field) =>
        check.Require(value != global::SafetyPlatform.Api.Roster.V1.Proficiency.Unspecified && System.Enum.IsDefined(value), field,
            "must be PROFICIENCY_TRAINEE, PROFICIENCY_PROFICIENT or PROFICIENCY_EXPERT");

    public static bool IsSet(Team team, string field) => field switch
    {
        "display_name" => team.DisplayName.Length > 0,
        "lead" => team.Lead.Length > 0,
        "site" => team.Site.Length > 0,
        "vendor" => team.Vendor.Length > 0,
        "time_zone" => team.TimeZone.Length > 0,
        _ => false,
    };

    public static bool IsSet(Specialist s, string field) => field switch
    {
        "display_name" => s.DisplayName.Length > 0,
        "role" => s.Role != Role.Unspecified,
        "policy_skills" => s.PolicySkills.Count > 0,
        "language_skills" => s.LanguageSkills.Count > 0,
        "max_concurrent_items" => s.MaxConcurrentItems != 0,
        "site" => s.Site.Length > 0,
        "vendor" => s.Vendor.Length > 0,
        _ => false,
    };

    public static readonly IReadOnlyList<string> AllTeamFields = [.. ProfileChanges.TeamFields];

    public static readonly IReadOnlyList<string> AllSpecialistFields = [.. ProfileChanges.SpecialistFields];
}
