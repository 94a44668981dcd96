using Forum.Domain.Minutes;
using Forum.Host.Minutes.Drafting;
using Npgsql;

namespace Forum.Host.Minutes;

/// <summary>A session's events as the minutes need them: typed for drafting, raw for the hash that binds the minutes to them.</summary>
public static class SessionHistory
{
    public static async Task<IReadOnlyList<SessionEvent>> Typed(IQuerySession session, Guid sessionId, CancellationToken ct = default)
    {
        var events = await session.Events.FetchStreamAsync(sessionId, token: ct);
        return events.Select(e => new SessionEvent(e.Version, e.Timestamp, e.Data)).ToList();
    }

    /// <summary>
    /// SHA-256 of events 1..<paramref name="upTo"/> in canonical form (docs/adr/0006), from the rows as stored: what
    /// the database holds now is what is hashed, so a changed, added or removed row changes the hash.
    /// </summary>
    public static async Task<string> Hash(IDocumentStore store, Guid sessionId, long upTo, CancellationToken ct = default) =>
        EventHash.Compute(await Rows(store, sessionId, upTo, ct));

    /// <summary>The same hash, with each event's own hash beside it: what publication keeps and verification compares.</summary>
    public static async Task<EventsDigest> Digest(IDocumentStore store, Guid sessionId, long upTo, CancellationToken ct = default) =>
        EventHash.Digest(await Rows(store, sessionId, upTo, ct));

    private static async Task<List<RecordedEvent>> Rows(IDocumentStore store, Guid sessionId, long upTo, CancellationToken ct)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var cmd = new NpgsqlCommand(
            $"select version, type, timestamp, data::text from {schema}.mt_events where stream_id = @id and version <= @upTo order by version", conn);
        cmd.Parameters.AddWithValue("id", sessionId);
        cmd.Parameters.AddWithValue("upTo", upTo);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<RecordedEvent>();
        while (await reader.ReadAsync(ct))
            rows.Add(new RecordedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        return rows;
    }
}
