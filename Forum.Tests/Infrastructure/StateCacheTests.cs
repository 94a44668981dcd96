using Forum.Host.Infrastructure;
using Forum.Tests.Sessions;
using Marten;
using Forum.Tests.Support;

namespace Forum.Tests.Infrastructure;

/// <summary>A room's door checks arriving together ask the store once per stream (StateCache.Shared); precise reads still ask each time.</summary>
[Collection(ApiCollection.Name)]
public class StateCacheTests(ApiFixture fixture) : SessionContext(fixture)
{
    private async Task<(int Commands, IReadOnlyList<Guid?> Seen)> ReadTogether(Guid forumId, Guid sessionId, TimeSpan maxAge)
    {
        // A cache of its own, empty: every read below misses it.
        using var cache = new StateCache();
        using var count = new CommandCount(sql => sql.Contains(Fixture.SchemaName + ".mt_doc_") && sql.Contains("state"));
        var sessions = Enumerable.Range(0, 40).Select(_ => Store.QuerySession()).ToList();
        try
        {
            var reads = sessions.Select(async s =>
            {
                var session = await cache.Session(s, sessionId, maxAge);
                var forum = await cache.Forum(s, forumId, maxAge);
                return session?.ForumId == forum?.Id ? forum?.Id : null;
            });
            var seen = await Task.WhenAll(reads);
            return (count.Value, seen);
        }
        finally
        {
            foreach (var s in sessions) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task Forty_door_checks_at_once_ask_the_store_once_per_stream_and_forty_precise_reads_ask_each_time()
    {
        var w = await World(open: true);

        var door = await ReadTogether(w.ForumId, w.SessionId, StateCache.ForDoors);
        door.Seen.ShouldAllBe(id => id == w.ForumId);
        // One version check and one load per stream (4 here); reads arriving after the first answer take it without asking.
        // Without the sharing the same forty reads asked 13 times on this machine, the precise ones 87.
        door.Commands.ShouldBeLessThanOrEqualTo(6);

        var precise = await ReadTogether(w.ForumId, w.SessionId, TimeSpan.Zero);
        precise.Seen.ShouldAllBe(id => id == w.ForumId);
        precise.Commands.ShouldBeGreaterThanOrEqualTo(80);
    }
}
