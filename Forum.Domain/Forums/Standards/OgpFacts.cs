namespace Forum.Domain.Forums.Standards;

public enum MeetingKind { Session, PastMeeting }
public enum RequirementStatus { Met, NotMet, Pending }

/// <summary>A public address that shows what a figure rests on: minutes, a file, the forum's public page.</summary>
public sealed record EvidenceLink(string Label, string Href);

/// <summary>
/// One meeting as the report may use it. <see cref="FiguresPublic"/> is false for a session whose minutes are not yet
/// published: then its date counts (the public page lists it) but its attendance, speaking time and answers are withheld.
/// </summary>
public sealed record MeetingFacts(
    Guid Id,
    MeetingKind Kind,
    string Title,
    DateTimeOffset HeldAt,
    bool FiguresPublic,
    IReadOnlyDictionary<StakeholderGroup, int> Attendance,
    IReadOnlyDictionary<StakeholderGroup, double>? SpeakingSeconds,
    int NotFollowed,
    int Answered,
    bool HasMinutes,
    DateTimeOffset? MinutesPublishedAt,
    EvidenceLink? Evidence)
{
    /// <summary>When a session closed (null for a past meeting, or a session still open).</summary>
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Commitments its agenda items were about (withheld, like the agenda, until its minutes are published).</summary>
    public IReadOnlyList<Guid> LinkedCommitments { get; init; } = [];
}

/// <summary>One action plan's co-creation as Standard 4 reads it: proposals received and how many got a reasoned response.</summary>
public sealed record PlanFacts(Guid Id, string Title, bool Adopted, DateTimeOffset? AdoptedAt, int Received, int Answered, EvidenceLink Evidence);

/// <summary>A commitment as MR 5.1 reads it: when it was adopted (from then on it is under implementation), and when progress on it was reported or assessed.</summary>
public sealed record CommitmentFacts(Guid Id, string Title, DateTimeOffset? AdoptedAt, IReadOnlyList<DateTimeOffset> ProgressAt);

/// <summary>Something added to the forum's public record, and when: minutes published, rules set, a past meeting's minutes.</summary>
public sealed record RepositoryUpdate(DateTimeOffset At, string What, EvidenceLink? Evidence);

public sealed record ForumFacts(
    Guid ForumId,
    string Name,
    DateTimeOffset EstablishedAt,
    DateTimeOffset? RulesSetAt,
    IReadOnlyList<MeetingFacts> Meetings,
    IReadOnlyList<RepositoryUpdate> Updates,
    EvidenceLink PublicPage)
{
    public IReadOnlyList<PlanFacts> ActionPlans { get; init; } = [];
    public IReadOnlyList<CommitmentFacts> Commitments { get; init; } = [];
}

/// <summary>
/// One measured figure. On a row's own list it is the overall figure; on its details it is about one meeting, gap or
/// period (<see cref="Subject"/>, <see cref="Date"/>), with whether that one met the requirement and where to check it.
/// Names are stable codes (a page translates them).
/// </summary>
public sealed record Figure(string Name, double? Value, string Unit, string? Subject = null, DateTimeOffset? Date = null, bool? Met = null, string? Href = null);

public sealed record RequirementRow(
    string Id,
    string Requirement,
    string Title,
    RequirementStatus Status,
    string Summary,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<Figure> Details,
    IReadOnlyList<EvidenceLink> Evidence);

public sealed record ReportMeeting(Guid Id, MeetingKind Kind, string Title, DateTimeOffset HeldAt, string? Href);

public sealed record OgpReport(
    Guid ForumId,
    string ForumName,
    DateTimeOffset GeneratedAt,
    DateTimeOffset FoundedAt,
    IReadOnlyList<ReportMeeting> Meetings,
    IReadOnlyList<RequirementRow> Rows);
