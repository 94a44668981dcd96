using System.Collections.Concurrent;
using Forum.Projections.Sessions;
using JasperFx.Events;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Host.Live;

/// <summary>
/// Pushes board changes from committed events (a Marten commit listener: whatever appended them, HTTP or a batch),
/// coalesced per session: the first change goes out at once, later ones at most every <c>Live:CoalesceMilliseconds</c>
/// as one push spanning every version since the last (ADR 0008). What a push carries is what the projection stored in
/// those commits — the board and the parts that changed (ADR 0013); only a gap (a commit this host did not see, or a
/// restart) makes it read them back from the store.
/// </summary>
public sealed class BoardBroadcaster(IServiceProvider services, IHubContext<SessionHub, ISessionClient> hub, IPushClaims claims,
    IConfiguration config, ILogger<BoardBroadcaster> log) : DocumentSessionListenerBase
{
    private static readonly string SessionNamespace = typeof(SessionScheduled).Namespace!;
    private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(config.GetValue("Live:CoalesceMilliseconds", 25));
    private readonly ConcurrentDictionary<Guid, Feed> _feeds = new();

    private sealed class Feed
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public readonly Lock Lock = new();
        public long LastPushed = -1;
        public long EarliestUnpushed = long.MaxValue;
        public bool Scheduled;
        public long LastFlushTicks;
        // What commits brought since the last push: their events by version, the newest board, the newest form of each part.
        public readonly SortedList<long, IEvent> Events = [];
        public SessionBoard? Board;
        public readonly Dictionary<string, (long Version, object Part)> Parts = [];
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var documents = commit.Updated.Concat(commit.Inserted).ToList();
        var boards = documents.OfType<SessionBoard>().ToDictionary(b => b.Id);
        var parts = documents.Select(Part).Where(p => p is not null).Select(p => p!.Value).ToLookup(p => p.SessionId);
        foreach (var stream in commit.GetEvents().Where(e => e.Data.GetType().Namespace == SessionNamespace).GroupBy(e => e.StreamId))
            Changed(stream.Key, stream.ToList(), boards.GetValueOrDefault(stream.Key), parts[stream.Key]);
        return Task.CompletedTask;
    }

    private static (Guid SessionId, string Id, long Version, object Part)? Part(object document) => document switch
    {
        BoardPosition p => (p.SessionId, p.Id, p.Version, p),
        BoardAttendee a => (a.SessionId, a.Id, a.Version, a),
        _ => null,
    };

    private void Changed(Guid sessionId, List<IEvent> events, SessionBoard? board, IEnumerable<(Guid SessionId, string Id, long Version, object Part)> parts)
    {
        var feed = _feeds.GetOrAdd(sessionId, _ => new Feed());
        TimeSpan delay;
        lock (feed.Lock)
        {
            foreach (var e in events) feed.Events[e.Version] = e;
            // A committed document is never changed afterwards (each session loads its own copy), so it can be kept as is.
            if (board is not null && board.Version > (feed.Board?.Version ?? -1)) feed.Board = board;
            foreach (var p in parts)
                if (!feed.Parts.TryGetValue(p.Id, out var held) || held.Version < p.Version) feed.Parts[p.Id] = (p.Version, p.Part);
            feed.EarliestUnpushed = Math.Min(feed.EarliestUnpushed, events.Min(e => e.Version));
            if (feed.Scheduled) return;
            feed.Scheduled = true;
            var since = TimeSpan.FromTicks(Environment.TickCount64 * TimeSpan.TicksPerMillisecond - feed.LastFlushTicks);
            delay = since >= _interval ? TimeSpan.Zero : _interval - since;
        }
        _ = Task.Run(async () =>
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay);
            await Flush(sessionId, feed);
        });
    }

    private async Task Flush(Guid sessionId, Feed feed)
    {
        await feed.Gate.WaitAsync();
        try
        {
            long from;
            SessionBoard? board;
            List<IEvent> inHand;
            Dictionary<string, object> parts;
            lock (feed.Lock)
            {
                feed.Scheduled = false;
                from = feed.LastPushed >= 0 ? feed.LastPushed : feed.EarliestUnpushed - 1;
                feed.EarliestUnpushed = long.MaxValue;
                board = feed.Board;
                inHand = feed.Events.Where(e => e.Key > from && e.Key <= (board?.Version ?? from)).Select(e => e.Value).ToList();
                parts = feed.Parts.Where(p => p.Value.Version <= (board?.Version ?? from)).ToDictionary(p => p.Key, p => p.Value.Part);
                foreach (var version in feed.Events.Keys.Where(v => v <= (board?.Version ?? from)).ToList()) feed.Events.Remove(version);
                foreach (var id in parts.Keys) feed.Parts.Remove(id);
            }
            List<object>? events = null;
            long claimedUpTo = -1;
            if (board is not null && board.Version > from)
            {
                // Another host may have pushed part of this span already: push only what lies after its claim.
                var claimed = await claims.Claim(sessionId, claimedUpTo = board.Version);
                if (claimed >= board.Version) { feed.LastPushed = board.Version; return; }
                from = Math.Max(from, claimed);
                var span = inHand.Where(e => e.Version > from).Select(e => e.Data).ToList();
                // Contiguous from the last push up to the board: everything is in hand.
                if (span.Count == board.Version - from) events = span;
            }
            if (events is null)
            {
                await using var query = services.GetRequiredService<IDocumentStore>().QuerySession();
                board = await query.LoadAsync<SessionBoard>(sessionId);
                if (board is null || board.Version <= from) return;
                if (board.Version > claimedUpTo)
                {
                    // Claim what the store adds; a span claimed above stays this host's to push whatever the answer.
                    var claimed = await claims.Claim(sessionId, board.Version);
                    if (claimedUpTo < 0) from = Math.Max(from, claimed);
                    if (from >= board.Version) { feed.LastPushed = board.Version; return; }
                }
                events = (await query.Events.FetchStreamAsync(sessionId, version: board.Version, fromVersion: from + 1)).Select(e => e.Data).ToList();
                await SessionBoardProjection.Fill(query, board, events.SelectMany(SessionBoard.PartsOf).Distinct().ToList(), CancellationToken.None);
                parts = board.Attendees.Values.Cast<object>()
                    .Concat(board.Agenda.SelectMany(i => i.Positions.Values))
                    .ToDictionary(p => p is BoardAttendee a ? a.Id : ((BoardPosition)p).Id);
            }
            var change = BoardChange.Between(board!, from, events, parts);
            for (var slice = 0; slice < SessionHub.Slices; slice++)
            {
                await hub.Clients.Group(SessionHub.Slice(sessionId, slice)).BoardChanged(sessionId, board!.Version, change);
                // A slice's sends are queued in the thread pool: what waits behind them (the store's replies to the write
                // path) takes its turn before the next slice's, instead of after a whole room's (ADR 0031).
                await Task.Yield();
            }
            feed.LastPushed = board!.Version;
            // A session that has ended changes no more: forget its feed (a late change would start a new one).
            if (board.Status is SessionStatus.Closed or SessionStatus.Cancelled) _feeds.TryRemove(sessionId, out _);
        }
        catch (Exception e)
        {
            // A lost push is recovered by the client: the next push shows a gap and it joins again.
            log.LogError(e, "Pushing the board of session {SessionId} failed", sessionId);
        }
        finally
        {
            feed.LastFlushTicks = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
            feed.Gate.Release();
        }
    }
}
