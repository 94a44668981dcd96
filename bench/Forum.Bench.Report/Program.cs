// OGP report benchmark (ADR 0018): a forum of N sessions (default 50) with published minutes, its report computed on read
// from the small per-session MeetingRecord documents, beside the alternatives: from the sessions' boards, from the events
// themselves, and the floor of a stored report (one document load). Also what the inline MeetingRecord adds to appending
// a session, and a replay page. Medians of several runs, one process, against FORUM_DB.
// Usage: FORUM_DB=... dotnet run -c Release --project bench/Forum.Bench.Report [-- --sessions 50 --runs 9]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Forum.Domain.Forums;
using Forum.Domain.Forums.Standards;
using Forum.Domain.Minutes;
using Forum.Domain.Sessions;
using Forum.Host.Forums.Public;
using Forum.Host.Reports.Ogp;
using Forum.Projections;
using Forum.Projections.Forums;
using Forum.Projections.Sessions;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;

var sessions = Flag("--sessions") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 50;
var runs = Flag("--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 9;
var db = Environment.GetEnvironmentVariable("FORUM_DB") ?? throw new InvalidOperationException("Set FORUM_DB to a PostgreSQL connection string.");

DocumentStore Store(string schema, Action<StoreOptions> projections) => DocumentStore.For(o =>
{
    // As Forum.Host's Persistence configures it.
    o.Connection(db);
    o.DatabaseSchemaName = schema;
    o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
    o.Events.StreamIdentity = StreamIdentity.AsGuid;
    o.AutoCreateSchemaObjects = AutoCreate.All;
    projections(o);
});
using var store = Store("bench_report", o => o.AddForumProjections());
// The same per-session inline work without MeetingRecord: what adding it costs each append.
void PerSession(StoreOptions o)
{
    o.Projections.Snapshot<SessionState>(SnapshotLifecycle.Inline);
    o.Projections.Add(new SessionBoardProjection(), ProjectionLifecycle.Inline, "SessionBoard");
    o.Schema.For<SessionBoard>().DocumentAlias("board");
}
using var without = Store("bench_report_without", PerSession);
using var with = Store("bench_report_with", o =>
{
    PerSession(o);
    o.Projections.Snapshot<MeetingRecord>(SnapshotLifecycle.Inline);
});
foreach (var x in new[] { store, without, with }) await x.Advanced.Clean.CompletelyRemoveAllAsync();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Cpu()}; .NET {Environment.Version}; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
var now = DateTimeOffset.UtcNow;
var (forumId, sessionIds, eventsPerSession) = await History.Arrange(store, sessions, now);
Console.WriteLine($"forum of {sessions} sessions over {sessions * 2 / 12.0:0.#} years, {eventsPerSession} events each ({sessions * eventsPerSession:N0} in all), minutes published");

await using (var connection = store.Storage.Database.CreateConnection())
{
    await connection.OpenAsync();
    foreach (var table in new[] { "meetingrecord", "board" })
    {
        await using var command = new Npgsql.NpgsqlCommand($"select avg(length(data::text)) from bench_report.mt_doc_{table}", connection);
        Console.WriteLine($"    {table,-14} {(decimal)(await command.ExecuteScalarAsync())! / 1024:0.0} KiB per session (JSON)");
    }
}

var report = await OnRead();
var stored = new StoredReport { Id = forumId, Json = JsonSerializer.Serialize(report) };
await using (var w = store.LightweightSession()) { w.Store(stored); await w.SaveChangesAsync(); }
Console.WriteLine($"    the report: {report.Rows.Count} rows, {report.Rows.Sum(x => x.Details.Count)} detail figures, {stored.Json.Length / 1024.0:0.0} KiB JSON");

var cases = new (string Name, Func<Task> Run)[]
{
    ("report on read from MeetingRecords (chosen)", async () => await OnRead()),
    ("public page sources only", async () => { await using var q = store.QuerySession(); await PublicSources.LoadAsync(q, forumId); }),
    ("load the forum's SessionBoards", async () =>
    {
        await using var q = store.QuerySession();
        var boards = await q.Query<SessionBoard>().Where(b => b.ForumId == forumId).ToListAsync();
        ForumHealth.From(forumId, boards, now);
    }),
    ("fold every session's events (MeetingRecord)", async () =>
    {
        await using var q = store.QuerySession();
        foreach (var id in sessionIds) await q.Events.AggregateStreamAsync<MeetingRecord>(id);
    }),
    ("stored report: one document load", async () => { await using var q = store.QuerySession(); await q.LoadAsync<StoredReport>(forumId); }),
};
var samples = cases.ToDictionary(c => c.Name, _ => new List<double>());
foreach (var c in cases) await c.Run();   // warm-up
for (var i = 0; i < runs; i++)
    foreach (var c in cases)
    {
        var sw = Stopwatch.StartNew();
        await c.Run();
        samples[c.Name].Add(sw.Elapsed.TotalMilliseconds);
    }
Console.WriteLine($"read paths, median of {runs} (min–max):");
foreach (var c in cases) Console.WriteLine($"    {c.Name,-46} {Median(samples[c.Name]),8:0.00} ms  ({samples[c.Name].Min():0.00}–{samples[c.Name].Max():0.00})");

// Append cost: one whole session at a time (as the room appends it, in small transactions), alternating the two stores.
var appendWith = new List<double>();
var appendWithout = new List<double>();
for (var i = 0; i < runs; i++)
    foreach (var (target, into) in i % 2 == 0 ? new[] { (with, appendWith), (without, appendWithout) } : [(without, appendWithout), (with, appendWith)])
    {
        var (events, _) = History.Session(Guid.NewGuid(), Guid.NewGuid(), now.AddDays(-i));
        var sw = Stopwatch.StartNew();
        var id = ((SessionScheduled)events[0]).SessionId;
        foreach (var (chunk, n) in events.Chunk(10).Select((c, n) => (c, n)))
        {
            await using var w = target.LightweightSession();
            if (n == 0) w.Events.StartStream<SessionState>(id, chunk);
            else (await w.Events.FetchForWriting<SessionState>(id)).AppendMany(chunk);
            await w.SaveChangesAsync();
        }
        into.Add(sw.Elapsed.TotalMilliseconds / (events.Count / 10.0));
    }
Console.WriteLine($"append a session in transactions of 10 events, median ms per transaction: with MeetingRecord {Median(appendWith):0.00}, without {Median(appendWithout):0.00}");

// A batch of positions alone (what a room submitting at once appends, ADR 0007) does not touch the MeetingRecord.
var last = sessionIds[^1];
async Task<MeetingRecord> Record() { await using var q = store.QuerySession(); return (await q.LoadAsync<MeetingRecord>(last))!; }
var recordBefore = await Record();
var versionBefore = recordBefore.Version;
await using (var w = store.LightweightSession())
{
    var stream = await w.Events.FetchForWriting<SessionState>(last);
    stream.AppendMany(Enumerable.Range(0, 20).Select(_ => (object)new PositionSubmitted(last, recordBefore.Decisions[0].ItemId, recordBefore.Attended.Keys.First(), Stance.Support, "", null, Guid.NewGuid(), now)).ToArray());
    await w.SaveChangesAsync();
}
Console.WriteLine($"a batch of 20 positions rewrote the MeetingRecord: {((await Record()).Version != versionBefore ? "yes" : "no")}");

// Replay: a page of moments and the board at a version in the middle of a session.
var middle = sessionIds[sessions / 2];
var page = new List<double>();
var boardAt = new List<double>();
for (var i = 0; i < runs; i++)
{
    await using var q = store.QuerySession();
    var sw = Stopwatch.StartNew();
    await q.Events.FetchStreamAsync(middle, version: 200, fromVersion: 1);
    page.Add(sw.Elapsed.TotalMilliseconds);
    sw.Restart();
    await q.Events.AggregateStreamAsync<SessionBoard>(middle, version: eventsPerSession / 2);
    boardAt.Add(sw.Elapsed.TotalMilliseconds);
}
Console.WriteLine($"replay, median: a page of 200 moments {Median(page):0.00} ms; the board at version {eventsPerSession / 2} {Median(boardAt):0.00} ms");

async Task<OgpReport> OnRead()
{
    await using var q = store.QuerySession();
    return (await OgpReportSource.ReportAsync(q, forumId, now, default))!;
}

static double Median(IEnumerable<double> xs) { var a = xs.Order().ToArray(); return a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2; }
static string Cpu() => File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?" : "?";
string? Flag(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }

public sealed class StoredReport
{
    public Guid Id { get; set; }
    public string Json { get; set; } = "";
}

/// <summary>
/// A forum of 45 members that meets every two months: each session has 30 people checking in, five items with a proposal,
/// 30 positions and three turns at the floor each, and a decision answering the Objects and Blocks; its minutes are published.
/// </summary>
static class History
{
    private const int Members = 45;
    private static readonly Guid By = Guid.NewGuid();
    private static readonly Guid[] Ids = Enumerable.Range(0, Members).Select(_ => Guid.NewGuid()).ToArray();

    public static async Task<(Guid ForumId, List<Guid> Sessions, int EventsPerSession)> Arrange(IDocumentStore store, int count, DateTimeOffset now)
    {
        var forumId = Guid.NewGuid();
        var start = now.AddMonths(-2 * count);
        var forum = new List<object> { new ForumEstablished(forumId, "Форум доброчесності", "Україна", "uk", "", By, start) };
        forum.AddRange(Ids.Select((id, i) => (object)new MemberAdmitted(forumId, id, $"Member {i}", $"m{i}@forum.test", "Org", (StakeholderGroup)(i % 3), MemberRole.Member, By, start)));
        forum.Add(new ForumRulesSet(forumId, 0.5, true, false, 0, By, start.AddDays(1)));
        await using (var w = store.LightweightSession()) { w.Events.StartStream<ForumState>(forumId, forum); await w.SaveChangesAsync(); }
        var ids = new List<Guid>();
        var perSession = 0;
        for (var i = 0; i < count; i++)
        {
            var (events, held) = Session(Guid.NewGuid(), forumId, start.AddMonths(2 * i).AddDays(3));
            var id = ((SessionScheduled)events[0]).SessionId;
            perSession = events.Count;
            await using var w = store.LightweightSession();
            w.Events.StartStream<SessionState>(id, events);
            var minutesId = MinutesDecider.IdFor(id);
            w.Events.StartStream<MinutesState>(minutesId,
                new MinutesDrafted(minutesId, id, forumId, $"Session {i}", held, events.Count, "sha", "uk", "# Minutes", held.AddHours(3)),
                new MinutesPublished(minutesId, "sha", "sig", "key", events.Count, "sha", By, held.AddDays(12)));
            await w.SaveChangesAsync();
            ids.Add(id);
        }
        return (forumId, ids, perSession);
    }

    public static (List<object> Events, DateTimeOffset Held) Session(Guid sessionId, Guid forumId, DateTimeOffset held)
    {
        var random = new Random(sessionId.GetHashCode());
        var t = held;
        DateTimeOffset Tick() => t = t.AddSeconds(20);
        var events = new List<object>
        {
            new SessionScheduled(sessionId, forumId, "Plenary", held, held.AddHours(3), SessionMode.Hybrid, "Kyiv", "https://meet.test/x", "uk", By, held.AddDays(-14)),
        };
        var items = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        events.AddRange(items.Select(item => (object)new AgendaItemAdded(sessionId, item, "Commitment", "", ItemKind.Decision, "Secretariat", 20, By, held.AddDays(-10))));
        events.Add(new SessionOpened(sessionId, new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 15, [StakeholderGroup.CivilSociety] = 15, [StakeholderGroup.Other] = 15 },
            ForumRules.Default, [Ids[0], Ids[1]], By, held));
        var present = Ids.Take(30).ToList();
        events.AddRange(present.Select((id, i) => (object)new ParticipantCheckedIn(sessionId, id, $"Member {i}", (StakeholderGroup)(i % 3), MemberRole.Member, Presence.InRoom, null, Tick())));
        foreach (var item in items)
        {
            events.Add(new AgendaItemOpened(sessionId, item, By, Tick()));
            events.Add(new ProposalTabled(sessionId, item, "The forum adopts the commitment.", By, Tick()));
            for (var f = 0; f < 3; f++)
            {
                var speaker = present[random.Next(present.Count)];
                events.Add(new FloorGiven(sessionId, speaker, By, Tick()));
                events.Add(new FloorYielded(sessionId, speaker, 60 + random.Next(240), Tick()));
            }
            var stances = present.ToDictionary(id => id, _ => (Stance)random.Next(5));
            events.AddRange(stances.Select(p => (object)new PositionSubmitted(sessionId, item, p.Key, p.Value, "A statement of the position.", null, Guid.NewGuid(), Tick())));
            var objections = stances.Where(p => p.Value is Stance.Object or Stance.Block)
                .Select(p => new ObjectionOnRecord(p.Key, "Member", StakeholderGroup.CivilSociety, p.Value, "A statement.", "A reasoned response.")).ToList();
            events.Add(new DecisionRecorded(sessionId, item, Outcome.NoConsensus, "Back to the working group.", objections, [],
                new Quorum(true, 30, 23, 45, false, true, ""), stances.Values.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count()), By, Tick()));
            events.Add(new AgendaItemClosed(sessionId, item, By, Tick()));
        }
        events.Add(new SessionClosed(sessionId, By, Tick()));
        return (events, held);
    }
}
