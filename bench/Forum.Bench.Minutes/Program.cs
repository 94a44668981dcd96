// Minutes benchmark: a session of N events drafted (hash, fold, Markdown), rendered (HTML, PDF) and signed (PDF
// signature, detached record), in memory, as the publish path runs it. Prints medians of several runs per size.
// With FORUM_DB set, the session is appended to PostgreSQL first and each run reads it back as the drafting handler
// and the publish endpoint do (typed events through Marten, raw rows for the hash) instead of serialising in memory.
// Usage: [FORUM_DB=...] dotnet run -c Release --project bench/Forum.Bench.Minutes [-- 10000 100000] [--runs 5] [--out bench/results]
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Forum.Domain.Forums;
using Forum.Domain.Minutes;
using Forum.Domain.Sessions;
using Forum.Host.Minutes;
using Forum.Host.Minutes.Drafting;
using Forum.Host.Minutes.Publishing;
using JasperFx;
using JasperFx.Events;
using Marten;
using Weasel.Core;

var sizes = args.Where((a, i) => int.TryParse(a, out _) && (i == 0 || !args[i - 1].StartsWith("--"))).Select(int.Parse).ToList();
if (sizes.Count == 0) sizes = [10_000, 100_000];
var runs = Flag("--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
var outDir = Flag("--out") ?? Path.Combine("bench", "results");
Directory.CreateDirectory(outDir);

var keys = new SigningKeys(Path.Combine(Path.GetTempPath(), "forum-bench-keys"));
var cert = keys.Current;
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

var db = Environment.GetEnvironmentVariable("FORUM_DB");
using var store = db is null ? null : DocumentStore.For(o =>
{
    // As Forum.Host's Persistence configures it.
    o.Connection(db);
    o.DatabaseSchemaName = "bench_minutes";
    o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
    o.Events.StreamIdentity = StreamIdentity.AsGuid;
    o.AutoCreateSchemaObjects = AutoCreate.All;
});
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Cpu()}; .NET {Environment.Version}; events {(store is null ? "in memory" : "in PostgreSQL")}");
// Warm up once on a small session (first signed save in a process pays for loading fonts and crypto).
await Read(await Stored(SessionFactory.Build(2_000)));
Pipeline(SessionFactory.Build(2_000), null, null);

foreach (var size in sizes)
{
    var (forum, events) = await Stored(SessionFactory.Build(size));
    var samples = new List<Dictionary<string, double>>();
    Output? last = null;
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        var read = await Read((forum, events));
        var readMs = sw.Elapsed.TotalMilliseconds;
        var (times, output) = Pipeline((forum, read.Events), read.Hash, cert);
        if (read.Hash is not null)
        {
            times = new Dictionary<string, double> { ["read events + hashes (PostgreSQL)"] = readMs }.Concat(times).ToDictionary();
            times["total"] += readMs;
        }
        samples.Add(times);
        last = output;
    }
    File.WriteAllBytes(Path.Combine(outDir, $"minutes-{size}.pdf"), last!.Pdf);
    File.WriteAllText(Path.Combine(outDir, $"minutes-{size}.md"), last.Markdown);
    Console.WriteLine($"{size,7:N0} events ({events.Count:N0} appended; {last.Positions:N0} positions in the minutes; {last.Pages} PDF pages, {last.Pdf.Length / 1024:N0} KiB), median of {runs}:");
    foreach (var stage in samples[0].Keys)
        Console.WriteLine($"    {stage,-28} {Median(samples.Select(s => s[stage])),9:N1} ms");
}

async Task<(ForumState Forum, List<SessionEvent> Events)> Stored((ForumState Forum, List<SessionEvent> Events) s)
{
    if (store is null) return s;
    var sessionId = ((SessionScheduled)s.Events[0].Data).SessionId;
    foreach (var (chunk, i) in s.Events.Chunk(5_000).Select((c, i) => (c, i)))
    {
        await using var session = store.LightweightSession();
        if (i == 0) session.Events.StartStream(sessionId, chunk.Select(e => e.Data));
        else session.Events.Append(sessionId, chunk.Select(e => e.Data));
        await session.SaveChangesAsync();
    }
    return s;
}

// As drafting and publication read it: the typed events, and the rows hashed with each event's own hash (publication's digest).
async Task<(List<SessionEvent> Events, EventsDigest? Hash)> Read((ForumState Forum, List<SessionEvent> Events) s)
{
    if (store is null) return (s.Events, null);
    var sessionId = ((SessionScheduled)s.Events[0].Data).SessionId;
    await using var session = store.QuerySession();
    var events = (await SessionHistory.Typed(session, sessionId)).ToList();
    return (events, await SessionHistory.Digest(store, sessionId, events[^1].Version));
}

(Dictionary<string, double>, Output) Pipeline((ForumState Forum, List<SessionEvent> Events) s, EventsDigest? storedHash, System.Security.Cryptography.X509Certificates.X509Certificate2? signWith)
{
    var times = new Dictionary<string, double>();
    var total = Stopwatch.StartNew();
    var sw = Stopwatch.StartNew();
    // In memory: JSON per event serialised as Marten writes it, hashed in canonical form (read from PostgreSQL otherwise).
    var digest = storedHash ?? EventHash.Digest(s.Events.Select(e => new RecordedEvent(e.Version, Snake(e.Data.GetType().Name), e.Timestamp, JsonSerializer.Serialize(e.Data, e.Data.GetType(), json))));
    var hash = digest.Sha256;
    if (storedHash is null) times["events hash (SHA-256)"] = Lap(sw);
    var model = SessionRecord.Build(s.Forum, s.Events, hash);
    times["fold the record"] = Lap(sw);
    var markdown = MinutesText.Markdown(model, "uk");
    times["Markdown (Scriban)"] = Lap(sw);
    var html = MinutesText.Html(markdown, "Session", "uk");
    times["HTML (Markdig)"] = Lap(sw);
    var now = DateTimeOffset.UtcNow;
    var c = signWith ?? cert;
    // PAdES B-B: a time-stamping authority adds one round trip to it, which is the authority's, not ours.
    var pdf = MinutesPdf.RenderSignedAsync(markdown, new PdfMeta("Session", "Forum", "Minutes", "Forum · minutes", "uk"),
        new PdfSigning(new PadesSigner(c, [], null), now, SigningKeys.KeyIdOf(c), "Signed", "approved", "Kyiv")).GetAwaiter().GetResult();
    times["PDF render + signature"] = Lap(sw);
    var documentSha = Convert.ToHexStringLower(SHA256.HashData(pdf));
    var record = SignatureRecord.Sign(c, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "uk", s.Events[^1].Version, digest, documentSha, new ChainLink(1, null, null, null), now);
    times["detached signature"] = Lap(sw);
    times["total"] = total.Elapsed.TotalMilliseconds;
    if (!record.VerifyWith(c) || !PdfSignatureCheck.Check(pdf).Valid) throw new InvalidOperationException("The benchmark's output does not verify.");
    var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
    return (times, new Output(pdf, markdown, model.Items.Sum(i => i.Positions.Count), pages, html.Length));
}

static double Lap(Stopwatch sw) { var ms = sw.Elapsed.TotalMilliseconds; sw.Restart(); return ms; }
static double Median(IEnumerable<double> xs) { var a = xs.Order().ToArray(); return a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2; }
static string Snake(string name) => string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
static string Cpu() => File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?" : "?";
string? Flag(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }

sealed record Output(byte[] Pdf, string Markdown, int Positions, int Pages, int HtmlLength);

/// <summary>
/// A plausible large session: members check in, each agenda item gets a proposal and revisions, then positions are
/// submitted and revised, hands raised and lowered, the floor given and yielded, until the session holds N events.
/// </summary>
static class SessionFactory
{
    private static readonly string[] Words = "the forum proposes that commitment four on open contracting be adopted with a deadline in June підтримуємо з застереженням щодо строків потрібен моніторинг громадськості ми заперечуємо бо текст занадто слабкий".Split(' ');

    public static (ForumState, List<SessionEvent>) Build(int size)
    {
        var random = new Random(size);
        var members = size <= 20_000 ? 60 : 200;
        var itemCount = size <= 20_000 ? 8 : 20;
        var forumId = Guid.NewGuid();
        var sessionId = Guid.NewGuid();
        var by = Guid.NewGuid();
        var t = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var forumEvents = new List<object> { new ForumEstablished(forumId, "Форум з питань доброчесності", "Україна", "uk", "", by, t) };
        var ids = Enumerable.Range(0, members).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < members; i++)
            forumEvents.Add(new MemberAdmitted(forumId, ids[i], $"Учасник {i} Їжакевич", $"m{i}@forum.test", "Org", (StakeholderGroup)(i % 3), MemberRole.Member, by, t));
        forumEvents.Add(new CoChairAppointed(forumId, ids[0], StakeholderGroup.Government, by, t));
        forumEvents.Add(new CoChairAppointed(forumId, ids[1], StakeholderGroup.CivilSociety, by, t));
        var forum = Fold(forumEvents);

        var events = new List<object>();
        var clock = t;
        DateTimeOffset Tick() => clock = clock.AddMilliseconds(150);
        events.Add(new SessionScheduled(sessionId, forumId, "Пленарне засідання", t, t.AddHours(8), SessionMode.Hybrid, "Київ", "https://meet.test/x", "uk", by, t));
        var items = Enumerable.Range(0, itemCount).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < itemCount; i++)
            events.Add(new AgendaItemAdded(sessionId, items[i], $"Питання {i + 1}: зобов'язання щодо відкритих даних", Sentence(random, 20), ItemKind.Decision, "Секретаріат", 20, by, t));
        var voting = forum.Members.Values.GroupBy(m => m.Group).ToDictionary(g => g.Key, g => g.Count());
        events.Add(new SessionOpened(sessionId, voting, forum.Rules, [ids[0], ids[1]], by, Tick()));
        foreach (var m in forum.Members.Values)
            events.Add(new ParticipantCheckedIn(sessionId, m.MemberId, m.Name, m.Group, m.Role, (m.Name.Length % 2 == 0) ? Presence.InRoom : Presence.Online, null, Tick()));
        var perItem = (size - events.Count - 1) / itemCount;
        foreach (var item in items)
        {
            var start = events.Count;
            events.Add(new AgendaItemOpened(sessionId, item, by, Tick()));
            events.Add(new ProposalTabled(sessionId, item, Sentence(random, 40), by, Tick()));
            events.Add(new ProposalRevised(sessionId, item, Sentence(random, 45), 1, by, Tick()));
            var stances = new Dictionary<Guid, Stance>();
            var fixedTail = 5; // decision, two action points, item closed, and room to spare
            while (events.Count - start < perItem - fixedTail)
            {
                var who = ids[random.Next(members)];
                var roll = random.Next(10);
                if (roll < 7)
                {
                    var stance = (Stance)random.Next(5);
                    stances[who] = stance;
                    events.Add(new PositionSubmitted(sessionId, item, who, stance, Sentence(random, random.Next(5, 30)), random.Next(20) == 0 ? "sec@forum.test" : null, Guid.NewGuid(), Tick()));
                }
                else if (roll < 9) { events.Add(new HandRaised(sessionId, who, Tick())); events.Add(new HandLowered(sessionId, who, Tick())); }
                else { events.Add(new FloorGiven(sessionId, who, by, Tick())); events.Add(new FloorYielded(sessionId, who, 42, Tick())); }
            }
            var objections = stances.Where(s => s.Value is Stance.Object or Stance.Block)
                .Select(s => new ObjectionOnRecord(s.Key, forum.Members[s.Key].Name, forum.Members[s.Key].Group, s.Value, "Заперечення", Sentence(random, 12))).ToList();
            events.Add(new DecisionRecorded(sessionId, item, Outcome.ConsensusWithReservations, Sentence(random, 30), objections, [],
                new Quorum(true, members, members / 2, members, false, true, ""), stances.Values.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count()), by, Tick()));
            events.Add(new ActionPointAssigned(sessionId, item, Guid.NewGuid(), Sentence(random, 8), ids[2], forum.Members[ids[2]].Name, new DateOnly(2027, 3, 1), by, Tick()));
            events.Add(new ActionPointAssigned(sessionId, item, Guid.NewGuid(), Sentence(random, 8), ids[3], forum.Members[ids[3]].Name, new DateOnly(2027, 6, 1), by, Tick()));
            events.Add(new AgendaItemClosed(sessionId, item, by, Tick()));
        }
        events.Add(new SessionClosed(sessionId, by, Tick()));
        var start0 = t;
        return (forum, events.Select((e, i) => new SessionEvent(i + 1, start0.AddMilliseconds(150 * i), e)).ToList());
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + ".";

    private static ForumState Fold(List<object> events)
    {
        var state = ForumState.Create((ForumEstablished)events[0]);
        foreach (var e in events.Skip(1))
            state = e switch
            {
                MemberAdmitted x => state.Apply(x),
                CoChairAppointed x => state.Apply(x),
                _ => state,
            };
        return state;
    }
}
