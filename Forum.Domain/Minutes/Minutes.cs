using System.Collections.Immutable;
using Forum.Domain.Forums;

namespace Forum.Domain.Minutes;

/// <summary>The minutes' second text (docs/adr/0023): its language, its Markdown, and once published its signed document.</summary>
public sealed record MinutesTranslation(string Language, string Markdown, MinutesTranslationPublished? Publication);

public sealed record MinutesApproval(Guid MemberId, string Name, StakeholderGroup Group, DateTimeOffset At);

/// <summary>The minutes stream folded into what its rules need. A handful of events per stream: aggregated live.</summary>
public sealed record MinutesState(
    Guid Id,
    Guid SessionId,
    Guid ForumId,
    string SessionTitle,
    DateTimeOffset SessionStartsAt,
    long SessionVersion,
    string EventsSha256,
    string Language,
    string Markdown,
    int Revision,
    ImmutableList<MinutesApproval> Approvals,
    MinutesStatus Status,
    MinutesPublished? Publication,
    MinutesTranslation? Translation = null)
{
    public long Version { get; set; }

    public static MinutesState Create(MinutesDrafted e) =>
        new(e.MinutesId, e.SessionId, e.ForumId, e.SessionTitle, e.SessionStartsAt, e.SessionVersion, e.EventsSha256, e.Language, e.Markdown,
            0, ImmutableList<MinutesApproval>.Empty, MinutesStatus.Draft, null);

    // A revision changes what was approved: approvals start again.
    public MinutesState Apply(MinutesRevised e) =>
        this with { Markdown = e.Markdown, Revision = e.Revision, Approvals = ImmutableList<MinutesApproval>.Empty };

    public MinutesState Apply(MinutesApproved e) =>
        this with { Approvals = Approvals.Add(new MinutesApproval(e.MemberId, e.Name, e.Group, e.At)) };

    public MinutesState Apply(MinutesPublished e) => this with { Status = MinutesStatus.Published, Publication = e };

    public MinutesState Apply(MinutesTranslationDrafted e) => this with { Translation = new MinutesTranslation(e.Language, e.Markdown, null) };

    public MinutesState Apply(MinutesTranslationRevised e) => this with
    {
        Translation = Translation! with { Markdown = e.Markdown }, Revision = e.Revision, Approvals = ImmutableList<MinutesApproval>.Empty,
    };

    public MinutesState Apply(MinutesTranslationPublished e) => this with { Translation = Translation! with { Publication = e } };

    /// <summary>The languages the minutes are written in: the session's first, then the second text's, if any.</summary>
    public IReadOnlyList<string> Languages => Translation is { } t ? [Language, t.Language] : [Language];

    /// <summary>The text in a language of these minutes, or null.</summary>
    public string? TextIn(string language) =>
        language == Language ? Markdown : Translation is { } t && t.Language == language ? t.Markdown : null;

    /// <summary>
    /// A document's publication as the record must match it: the first text's event, or the second's with the session
    /// record the first names (both are signed over the same events).
    /// </summary>
    public MinutesPublished? PublicationIn(string language) =>
        language == Language ? Publication
        : Publication is { } p && Translation is { Publication: { } t } && t.Language == language
            ? p with { DocumentSha256 = t.DocumentSha256, Signature = t.Signature, KeyId = t.KeyId, At = t.At }
            : null;

    public bool ApprovedBy(StakeholderGroup group) => Approvals.Any(a => a.Group == group);
}
