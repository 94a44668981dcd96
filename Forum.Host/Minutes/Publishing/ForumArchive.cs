using Forum.Domain.Minutes;
using JasperFx.Events;
using Npgsql;

namespace Forum.Host.Minutes.Publishing;

/// <summary>
/// A forum's archive chain as publication writes it (docs/adr/0015). <see cref="HoldAsync"/> takes the forum's archive lock
/// (a PostgreSQL advisory lock, held until the publication commits or rolls back) before it reads the head: two
/// publications in one forum at once then enter one after the other, and the second is signed after the first. A lock
/// rather than an exclusive stream load, because the forum's first publication has no archive stream yet to lock.
/// </summary>
public static class ForumArchive
{
    public static async Task<IEventStream<MinutesArchive>> HoldAsync(IDocumentSession session, Guid forumId, CancellationToken ct = default)
    {
        await session.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", session.Connection))
        {
            take.Parameters.AddWithValue("key", LockKey(forumId));
            await take.ExecuteNonQueryAsync(ct);
        }
        return await session.Events.FetchForWriting<MinutesArchive>(MinutesArchiveRules.IdFor(forumId), ct);
    }

    // The archive stream's id is already derived from the forum's: its first 8 bytes make the lock's key.
    private static long LockKey(Guid forumId) => BitConverter.ToInt64(MinutesArchiveRules.IdFor(forumId).ToByteArray(), 0);

    /// <summary>
    /// Signs each document's record as the next link of the chain, in the order given (one document, or the same session's
    /// minutes in two languages), and the archive's events that enter them: append them all, or, refused, none.
    /// </summary>
    public static (IReadOnlyList<SignatureRecord> Records, IReadOnlyList<object> Entered, Rejection? Refused) Enter(MinutesArchive? archive,
        IReadOnlyList<RenderedMinutes> documents, long sessionVersion, EventsDigest events, DateTimeOffset now)
    {
        var state = archive;
        var records = new List<SignatureRecord>();
        var entered = new List<object>();
        foreach (var d in documents)
        {
            var link = MinutesArchiveRules.Next(state);
            var record = MinutesPublisher.Sign(d, sessionVersion, events, link);
            var verdict = MinutesArchiveRules.Enter(state, new EnterInArchive(d.Document.ForumId, d.Document.MinutesId, d.Document.SessionId,
                d.Document.Language, d.DocumentSha256, record.RecordSha256(), record.KeyId, link), now);
            if (verdict.Rejection is { } refused) return ([], [], refused);
            foreach (var e in verdict.Events.Cast<MinutesArchived>()) state = state is null ? MinutesArchive.Create(e) : state.Apply(e);
            entered.AddRange(verdict.Events);
            records.Add(record);
        }
        return (records, entered, null);
    }
}
