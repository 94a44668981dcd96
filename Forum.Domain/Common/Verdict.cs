namespace Forum.Domain.Common;

/// <summary>Which HTTP-level class of refusal a broken rule belongs to.</summary>
public enum RejectionKind { Invalid, Unauthenticated, Forbidden, NotFound, Conflict, TooLarge, UnsupportedMediaType }

/// <summary>A broken rule: its stable name (shown to the user as the problem type) and why.</summary>
public sealed record Rejection(RejectionKind Kind, string Rule, string Detail, string? Field = null)
{
    public static Rejection Invalid(string field, string rule, string detail) => new(RejectionKind.Invalid, rule, detail, field);
    public static Rejection Unauthenticated() => new(RejectionKind.Unauthenticated, "sign-in-required", "Sign in, or send a personal API token as a bearer token.");
    public static Rejection Forbidden(string rule, string detail) => new(RejectionKind.Forbidden, rule, detail);
    public static Rejection NotFound(string rule, string detail) => new(RejectionKind.NotFound, rule, detail);
    public static Rejection Conflict(string rule, string detail) => new(RejectionKind.Conflict, rule, detail);
}

/// <summary>The result of a decision: the events to append, or the rule that refused it (then nothing is appended).</summary>
public sealed class Verdict
{
    private Verdict(IReadOnlyList<object> events, Rejection? rejection) { Events = events; Rejection = rejection; }

    public IReadOnlyList<object> Events { get; }
    public Rejection? Rejection { get; }
    public bool Accepted => Rejection is null;

    public static Verdict Accept(params object[] events) => new(events, null);
    public static Verdict Reject(Rejection rejection) => new([], rejection);

    public static implicit operator Verdict(Rejection rejection) => Reject(rejection);
}

/// <summary>Who is asking: a signed-in account (known by e-mail), or nobody.</summary>
public sealed record Actor(Guid AccountId, string Email, bool IsAdministrator)
{
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
