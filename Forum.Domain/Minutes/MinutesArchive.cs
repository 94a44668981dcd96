using System.Collections.Immutable;
using Forum.Domain.Common;

namespace Forum.Domain.Minutes;

public sealed record ArchiveEntry(long Sequence, Guid MinutesId, Guid SessionId, string Language, string DocumentSha256, string RecordSha256,
    Guid? PreviousMinutesId, string? PreviousRecordSha256, string KeyId, DateTimeOffset At);

/// <summary>
/// A forum's published minutes in the order they were signed: one stream per forum, one <see cref="MinutesArchived"/> per
/// signed document. A forum publishes a few minutes a year, so it is aggregated live.
/// </summary>
public sealed record MinutesArchive(Guid Id, Guid ForumId, ImmutableList<ArchiveEntry> Entries)
{
    public long Version { get; set; }

    public ArchiveEntry? Head => Entries.Count == 0 ? null : Entries[^1];

    public static MinutesArchive Create(MinutesArchived e) =>
        new MinutesArchive(MinutesArchiveRules.IdFor(e.ForumId), e.ForumId, ImmutableList<ArchiveEntry>.Empty).Apply(e);

    public MinutesArchive Apply(MinutesArchived e) => this with
    {
        Entries = Entries.Add(new ArchiveEntry(e.Sequence, e.MinutesId, e.SessionId, e.Language, e.DocumentSha256, e.RecordSha256,
            e.PreviousMinutesId, e.PreviousRecordSha256, e.KeyId, e.At)),
    };
}

/// <summary>What the next document's signature record must carry to continue the chain: its number and its predecessor.</summary>
public sealed record ChainLink(long Sequence, Guid? PreviousMinutesId, string? PreviousDocumentSha256, string? PreviousRecordSha256);

/// <summary>A signed document to enter: the link it was signed with, and the hash of its signature record.</summary>
public sealed record EnterInArchive(Guid ForumId, Guid MinutesId, Guid SessionId, string Language, string DocumentSha256, string RecordSha256,
    string KeyId, ChainLink Link);

/// <summary>
/// The archive's rules (docs/adr/0015): each signed document follows the one before it, so the forum's minutes form one
/// chain. Publication holds the forum's archive lock while it reads the head, signs and enters, so two publications at
/// once come one after the other; <see cref="Enter"/> refuses a link made from a head that is no longer the head, which
/// would fork the chain.
/// </summary>
public static class MinutesArchiveRules
{
    /// <summary>The archive stream's id, derived from the forum's (stream ids are shared by every kind of stream).</summary>
    public static Guid IdFor(Guid forumId) => NameBasedId.Of("forum-minutes-archive/", forumId);

    public static ChainLink Next(MinutesArchive? archive) => archive?.Head is { } head
        ? new ChainLink(head.Sequence + 1, head.MinutesId, head.DocumentSha256, head.RecordSha256)
        : new ChainLink(1, null, null, null);

    public static Verdict Enter(MinutesArchive? archive, EnterInArchive c, DateTimeOffset now)
    {
        if (archive?.Entries.FirstOrDefault(e => e.MinutesId == c.MinutesId && e.Language == c.Language) is { } already)
            return Rejection.Conflict("minutes-published",
                $"These minutes ({c.Language}) are number {already.Sequence} in the forum's archive already; a document is entered once.");
        if (Next(archive) != c.Link)
            return Rejection.Conflict("archive-moved-on",
                $"The forum's archive moved on while these minutes were signed (they follow number {c.Link.Sequence - 1}, the archive now ends at number {Next(archive).Sequence - 1}); publish again.");
        return Verdict.Accept(new MinutesArchived(c.ForumId, c.Link.Sequence, c.MinutesId, c.SessionId, c.Language, c.DocumentSha256, c.RecordSha256,
            c.Link.PreviousMinutesId, c.Link.PreviousRecordSha256, c.KeyId, now));
    }
}
