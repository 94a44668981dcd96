using Forum.Domain.Forums;

namespace Forum.Domain.Minutes;

public enum MinutesStatus { Draft, Published }

// Stored events of the minutes stream: never renamed or reshaped; add a new one instead.

/// <summary>
/// Drafted from the session's record: SessionVersion is the last session event covered, EventsSha256 the hash of
/// events 1..SessionVersion in canonical form (docs/adr/0006). Markdown is the text everyone approves.
/// </summary>
public sealed record MinutesDrafted(Guid MinutesId, Guid SessionId, Guid ForumId, string SessionTitle, DateTimeOffset SessionStartsAt,
    long SessionVersion, string EventsSha256, string Language, string Markdown, DateTimeOffset At);

/// <summary>The secretariat's revision of the text; it resets the approvals given so far.</summary>
public sealed record MinutesRevised(Guid MinutesId, string Markdown, int Revision, Guid By, DateTimeOffset At);

/// <summary>One co-chair's approval of the text as it stands at <see cref="Revision"/>.</summary>
public sealed record MinutesApproved(Guid MinutesId, Guid MemberId, string Name, StakeholderGroup Group, int Revision, Guid By, DateTimeOffset At);

/// <summary>
/// The signed PDF's SHA-256, the signature over the detached signature record (docs/adr/0005), the signing key's id
/// (SHA-256 thumbprint of its certificate), and the session events it is bound to.
/// </summary>
public sealed record MinutesPublished(Guid MinutesId, string DocumentSha256, string Signature, string KeyId, long SessionVersion,
    string EventsSha256, Guid By, DateTimeOffset At);

/// <summary>
/// One signed minutes document entered in its forum's archive chain (docs/adr/0015), in the archive's own stream: number
/// <see cref="Sequence"/> in the forum, signed after the document <see cref="PreviousMinutesId"/> whose signature record
/// hashes to <see cref="PreviousRecordSha256"/> (none for the first). <see cref="RecordSha256"/> is the SHA-256 of this
/// document's own signature record as signed. One per document, so minutes in two languages are two entries.
/// </summary>
public sealed record MinutesArchived(Guid ForumId, long Sequence, Guid MinutesId, Guid SessionId, string Language, string DocumentSha256,
    string RecordSha256, Guid? PreviousMinutesId, string? PreviousRecordSha256, string KeyId, DateTimeOffset At);

// Minutes in two languages (docs/adr/0023): the session's language and English. The second text has events of its own,
// so minutes drafted in one language are stored exactly as before.

/// <summary>The same record drafted in a second language, right after <see cref="MinutesDrafted"/>: one minutes, two texts.</summary>
public sealed record MinutesTranslationDrafted(Guid MinutesId, string Language, string Markdown, DateTimeOffset At);

/// <summary>
/// The secretariat's revision of the second text. It takes the next revision number of the minutes, shared with
/// <see cref="MinutesRevised"/>: a co-chair approves a revision, which covers both texts as they stand, so either changing resets the approvals.
/// </summary>
public sealed record MinutesTranslationRevised(Guid MinutesId, string Language, string Markdown, int Revision, Guid By, DateTimeOffset At);

/// <summary>
/// The second text's signed PDF, published with <see cref="MinutesPublished"/> in the same commit: its own SHA-256, the
/// signature over its own signature record, and the key. Both documents are links of the forum's archive chain.
/// </summary>
public sealed record MinutesTranslationPublished(Guid MinutesId, string Language, string DocumentSha256, string Signature, string KeyId, DateTimeOffset At);
