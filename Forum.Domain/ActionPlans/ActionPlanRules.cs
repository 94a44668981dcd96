using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.ActionPlans;

/// <summary>What the action plan's capabilities (CoCreation, Commitments, Adoption, Monitoring) share: limits, refusals, field checks.</summary>
public static class ActionPlanRules
{
    public const int TitleMax = 200, TextMax = 4000, NameMax = 100, UrlMax = 1000, EvidenceMax = 20, ListMax = 50;

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    public static Rejection PlanNotFound(Guid id) => Rejection.NotFound("action-plan-not-found", $"There is no action plan {id}.");
    public static Rejection CommitmentNotFound(Guid id) => Rejection.NotFound("commitment-not-found", $"There is no commitment {id}.");
    public static Rejection ProposalNotFound(Guid id) => Rejection.NotFound("proposal-not-found", $"There is no proposal {id}.");
    public static Rejection ActionPointNotFound(Guid id) => Rejection.NotFound("action-point-not-found", $"There is no action point {id}.");

    /// <summary>An optional moment in ISO 8601 (a time without an offset is UTC).</summary>
    public static (DateTimeOffset? Moment, Rejection? Refusal) Moment(string field, string? value) =>
        value is null ? (null, null)
        : DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? (parsed.ToUniversalTime(), null)
            : (null, Rejection.Invalid(field, "moment-invalid", $"'{field}' is a moment in ISO 8601, such as 2026-05-01T12:00:00Z."));

    internal static Rejection? Secretariat(ForumState forum, Actor? actor, string action) =>
        ForumAccess.Require(forum, actor, ForumRole.Secretariat, action);

    internal static Rejection? NotClosed(ActionPlanState plan) =>
        plan.Status == ActionPlanStatus.Closed
            ? Rejection.Conflict("action-plan-closed", $"'{plan.Title}' is closed; its record no longer changes.")
            : null;

    internal static Rejection? Date(string field, DateOnly? value) =>
        value is null ? Rejection.Invalid(field, "field-required", $"'{field}' is required (YYYY-MM-DD).") : null;

    internal static Rejection? Period(DateOnly starts, DateOnly ends) =>
        ends < starts ? Rejection.Invalid("endsOn", "ends-after-start", "'endsOn' must not be before 'startsOn'.") : null;

    internal static Rejection? Url(string field, string? value)
    {
        if (Input.Required(field, value, UrlMax) is { } bad) return bad;
        return Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? null
            : Rejection.Invalid(field, "url-invalid", $"'{field}' must be an http(s) address.");
    }

    internal static Rejection? Count<T>(string field, IReadOnlyList<T>? list, int max) =>
        list is { Count: var n } && n > max ? Rejection.Invalid(field, "list-too-long", $"'{field}' may hold at most {max} entries (it has {n}).") : null;
}
