using Forum.Domain.Forums;
using Forum.Domain.Minutes;

namespace Forum.Projections.Minutes;

public sealed class MinutesViewApproval
{
    public Guid MemberId { get; set; }
    public string Name { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// What the secretariat, co-chairs and (once published) the public see of one session's minutes: status, approvals,
/// hashes. Inline: a revision or an approval is visible in the next read. The text itself stays in the stream.
/// </summary>
public sealed class MinutesView
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid ForumId { get; set; }
    public string SessionTitle { get; set; } = "";
    public DateTimeOffset SessionStartsAt { get; set; }
    public string Language { get; set; } = "";
    public MinutesStatus Status { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset DraftedAt { get; set; }
    public DateTimeOffset? RevisedAt { get; set; }
    public List<MinutesViewApproval> Approvals { get; set; } = [];
    public long SessionVersion { get; set; }
    public string EventsSha256 { get; set; } = "";
    public string? DocumentSha256 { get; set; }
    public string? KeyId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>The second text's language (docs/adr/0023), and its signed PDF's SHA-256 once published.</summary>
    public string? TranslationLanguage { get; set; }
    public string? TranslationDocumentSha256 { get; set; }
    public long Version { get; set; }

    /// <summary>The languages the minutes are written in, the session's first.</summary>
    public IReadOnlyList<string> Languages => TranslationLanguage is { } t ? [Language, t] : [Language];

    public static MinutesView Create(MinutesDrafted e) => new()
    {
        Id = e.MinutesId, SessionId = e.SessionId, ForumId = e.ForumId, SessionTitle = e.SessionTitle, SessionStartsAt = e.SessionStartsAt,
        Language = e.Language, Status = MinutesStatus.Draft, DraftedAt = e.At, SessionVersion = e.SessionVersion, EventsSha256 = e.EventsSha256,
    };

    public void Apply(MinutesRevised e)
    {
        Revision = e.Revision;
        RevisedAt = e.At;
        Approvals.Clear();
    }

    public void Apply(MinutesApproved e) =>
        Approvals.Add(new MinutesViewApproval { MemberId = e.MemberId, Name = e.Name, Group = e.Group, At = e.At });

    public void Apply(MinutesTranslationDrafted e) => TranslationLanguage = e.Language;

    public void Apply(MinutesTranslationRevised e)
    {
        Revision = e.Revision;
        RevisedAt = e.At;
        Approvals.Clear();
    }

    public void Apply(MinutesTranslationPublished e) => TranslationDocumentSha256 = e.DocumentSha256;

    public void Apply(MinutesPublished e)
    {
        Status = MinutesStatus.Published;
        DocumentSha256 = e.DocumentSha256;
        KeyId = e.KeyId;
        PublishedAt = e.At;
    }
}
