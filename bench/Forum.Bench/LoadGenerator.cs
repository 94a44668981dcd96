using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Forum.Bench;

/// <summary>One run of one system under one load: medians are taken over these.</summary>
public sealed record LiveRun(
    string System, int Size, int Rep, int Sent, int Acked, int Applied, Dictionary<string, int> Errors,
    Dist Ack, Dist Delivery, Dist Last, int AllSeen, int Lost, int Superseded, int Duplicates, int OutOfOrder, int Stale, int Gaps,
    int Reconnects, int Closed, int Refused, int ClientErrors, double PushesPerClientPerSecond,
    double ServerCpuSeconds, double PgCpuSeconds, double BenchCpuSeconds, double LoadAverage, double Seconds);

public sealed record Connected(string System, int Size, double Seconds, long RssBefore, long RssAfter, int Failed,
    double HeapBeforeMiB = double.NaN, double HeapAfterMiB = double.NaN, string Scenario = "live", int Members = 0)
{
    public double KiBPerConnection => (RssAfter - RssBefore) / 1024.0 / Size;
    public double HeapKiBPerConnection => (HeapAfterMiB - HeapBeforeMiB) * 1024 / Size;
}

public sealed record RoomRun(string Scenario, int Rep, int Sent, int Acked, Dictionary<string, int> Errors, Dist Ack,
    int Applied, double AllOnBoardMs, double ServerCpuSeconds, double PgCpuSeconds, double LoadAverage);

public sealed class Results
{
    public string Command { get; set; } = "";
    public string Machine { get; set; } = "";
    public string Postgres { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public Options Options { get; set; } = null!;
    public List<Connected> Connections { get; } = [];
    public List<LiveRun> Live { get; } = [];
    public List<RoomRun> Room { get; } = [];
    public List<GcRun> Gc { get; } = [];
    public List<string> Documents { get; } = [];
}

public static class LoadGenerator
{
    private static readonly string[] Stances = ["Support", "SupportWithReservations", "Abstain", "Object"];

    public static async Task<int> Run(Options o)
    {
        ThreadPool.SetMinThreads(64, 64);
        var results = new Results
        {
            Command = Environment.GetEnvironmentVariable("BENCH_COMMAND") ?? "bench/run.sh",
            Machine = Machine(), StartedAt = DateTimeOffset.UtcNow, Options = o,
        };
        var outDir = Path.Combine(o.Out, DateTime.Now.ToString("yyyyMMdd-HHmmss"));
        Directory.CreateDirectory(outDir);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            MaxConnectionsPerServer = 2048,
        }) { Timeout = TimeSpan.FromSeconds(30) };

        foreach (var forum in o.Forums) await WaitReady(http, forum + "/health/ready");
        await WaitReady(http, o.Bare + "/health");
        await using (var pg = new NpgsqlConnection(o.Db))
        {
            await pg.OpenAsync();
            await using var cmd = new NpgsqlCommand("show server_version", pg);
            results.Postgres = $"PostgreSQL {await cmd.ExecuteScalarAsync()}";
            await using var fsync = new NpgsqlCommand("show fsync", pg);
            results.Postgres += $" (fsync {await fsync.ExecuteScalarAsync()}";
            await using var sync = new NpgsqlCommand("show synchronous_commit", pg);
            results.Postgres += $", synchronous_commit {await sync.ExecuteScalarAsync()})";
        }
        Log.Info($"{results.Machine}; {results.Postgres}");

        var api = new Api(http, o.Forum);
        var needed = Math.Max(o.Scenarios.Contains("live") ? o.Sizes.Max() : 0,
            o.Scenarios.Contains("room") ? Math.Max(o.Room, o.RoomSpread) : 0);
        // Idle connections beyond 2,000 are people with a second device: admitting 5,000 members one by one is its own benchmark.
        if (o.Idle > 0) needed = Math.Max(needed, Math.Min(o.Idle, 2000));
        await using var setup = await ForumSetup.Create(o, api, Math.Max(needed, 3));

        try
        {
            if (o.Scenarios.Contains("live"))
                foreach (var size in o.Sizes)
                    await LiveFanOut(o, http, setup, size, results);
            if (o.Scenarios.Contains("room"))
                await RoomAtOnce(o, http, setup, results);
            if (o.Idle > 0)
                await Idle(o, setup, results);
        }
        finally
        {
            await File.WriteAllTextAsync(Path.Combine(outDir, "results.json"),
                JsonSerializer.Serialize(results, new JsonSerializerOptions
                {
                    WriteIndented = true,
                    // The bare HTTP burst has no board: its "all on board" is NaN.
                    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
                }));
            var summary = Report.Markdown(results);
            await File.WriteAllTextAsync(Path.Combine(outDir, "summary.md"), summary);
            Console.WriteLine(summary);
            Log.Info($"results in {outDir}");
        }
        return 0;
    }

    private static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?";
        var memKb = long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return $"{Environment.ProcessorCount} × {model}, {memKb / 1024.0 / 1024.0:F0} GiB, {Environment.OSVersion.VersionString}, .NET {Environment.Version}";
    }

    private static async Task WaitReady(HttpClient http, string url)
    {
        var deadline = Clock.Now + Clock.Ticks(120_000);
        while (true)
        {
            try
            {
                using var r = await http.GetAsync(url);
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (Clock.Now > deadline) throw new TimeoutException($"{url} not ready after 120 s");
            await Task.Delay(250);
        }
    }

    // ---------------------------------------------------------------- live fan-out

    private abstract class Target(string name, params int[] pids)
    {
        public string Name { get; } = name;
        public int[] Pids { get; } = pids;
        public List<Participant> Clients { get; } = [];
        public abstract Task<HttpStatusCode> Submit(HttpClient http, int i, Member m, RunLedger ledger, string stance);
        public virtual Task<HashSet<int>?> Applied(RunLedger ledger) => Task.FromResult<HashSet<int>?>(null);
    }

    private sealed class ForumTarget(Options o, OpenSession session) : Target("Forum", o.ForumPids)
    {
        public override async Task<HttpStatusCode> Submit(HttpClient http, int i, Member m, RunLedger ledger, string stance)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{o.ForumFor(m.Index)}/api/sessions/{session.SessionId}/items/{session.ItemId}/positions");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", m.Token);
            request.Content = JsonContent.Create(new { stance, statement = ledger.Statement(i) });
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode;
        }

        /// <summary>Which submissions of the run are in the session's stream: the ones every screen must show.</summary>
        public override async Task<HashSet<int>?> Applied(RunLedger ledger) => await AppliedIn(o, session.SessionId, ledger);
    }

    private sealed class BareTarget(Options o) : Target("bare SignalR", o.BarePid)
    {
        public override async Task<HttpStatusCode> Submit(HttpClient http, int i, Member m, RunLedger ledger, string stance)
        {
            using var response = await http.PostAsJsonAsync($"{o.Bare}/submit", new BareMessage(i, m.MemberId, stance, ledger.Statement(i)));
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode;
        }
    }

    public static async Task<HashSet<int>> AppliedIn(Options o, Guid sessionId, RunLedger ledger)
    {
        await using var pg = new NpgsqlConnection(o.Db);
        await pg.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"select data->>'statement' from \"{o.Schema}\".mt_events where stream_id = @s and data->>'statement' like @p", pg);
        cmd.Parameters.AddWithValue("s", sessionId);
        cmd.Parameters.AddWithValue("p", ledger.Prefix + "%");
        var applied = new HashSet<int>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (ledger.TryIndex(reader.GetString(0), out var i)) applied.Add(i);
        return applied;
    }

    private static async Task LiveFanOut(Options o, HttpClient http, ForumSetup setup, int size, Results results)
    {
        Log.Info($"live fan-out, {size} participants: setting up");
        var session = await setup.OpenSession($"Fan-out {size}", size);
        var members = setup.Members.Take(size).ToList();
        var forum = new ForumTarget(o, session);
        var bare = new BareTarget(o);

        results.Connections.Add(await ConnectAll(forum, size, i =>
        {
            var p = new ForumParticipant(session.SessionId, session.ItemId);
            return (p, ct => p.Connect(o.ForumFor(members[i].Index), members[i].Token, ct));
        }));
        results.Connections.Add(await ConnectAll(bare, size, _ =>
        {
            var p = new BareParticipant();
            return (p, ct => p.Connect(o.Bare, ct));
        }));

        try
        {
            var random = new Random(size);
            if (o.Warmup > 0)
            {
                Log.Info($"warm-up: {o.Warmup} s each");
                await OneRun(o, http, forum, members, size, -1, o.Warmup, random);
                await OneRun(o, http, bare, members, size, -1, o.Warmup, random);
            }
            for (var rep = 0; rep < o.Reps; rep++)
            {
                // A/B, then B/A: drift over the run (a warming JIT, a growing board, a neighbour's build) falls on both alike.
                Target[] order = rep % 2 == 0 ? [forum, bare] : [bare, forum];
                foreach (var target in order)
                {
                    var watches = o.Gc ? target.Pids.Select(GcWatch.Start).ToList() : [];
                    var run = await OneRun(o, http, target, members, size, rep, o.Duration, random);
                    results.Live.Add(run);
                    foreach (var watch in watches.OfType<GcWatch>())
                    {
                        var gc = await watch.Stop(target.Name, size, rep);
                        results.Gc.Add(gc);
                        Log.Info($"{gc.System,-12} n={size} rep {rep} GC: gen0/1/2 {gc.Gen0}/{gc.Gen1}/{gc.Gen2}, paused {gc.PausedMs:F0} ms (longest {gc.LongestPauseMs:F0}), " +
                                 $"allocated {gc.AllocatedMiB:F0} MiB, kept by gen0 GCs {gc.PromotedMiB:F0} MiB; most: {string.Join(", ", gc.Top.Take(5).Select(t => $"{t.Type} {t.MiB:F0}"))}");
                    }
                    Log.Info($"{run.System,-12} n={size} rep {rep}: ack p99 {run.Ack.P99:F1} ms; delivery p50/p99/p99.9 " +
                             $"{run.Delivery.P50:F1}/{run.Delivery.P99:F1}/{run.Delivery.P999:F1} ms; last p50/p99 {run.Last.P50:F1}/{run.Last.P99:F1} ms; " +
                             $"lost {run.Lost} dup {run.Duplicates} ooo {run.OutOfOrder} gaps {run.Gaps} errors {run.Errors.Values.Sum()}; " +
                             $"server CPU {run.ServerCpuSeconds:F1} s, pg {run.PgCpuSeconds:F1} s, bench {run.BenchCpuSeconds:F1} s; load {run.LoadAverage:F1}");
                }
            }
        }
        finally
        {
            results.Documents.AddRange(await DocumentSizes(o, setup.ForumId, session.SessionId, $"after the {size}-participant runs"));
            await DisconnectAll(forum);
            await DisconnectAll(bare);
        }
    }

    /// <summary>What each write reads and rewrites: the inline snapshots of the forum and the session, as stored (JSON text length).</summary>
    private static async Task<List<string>> DocumentSizes(Options o, Guid forumId, Guid sessionId, string when)
    {
        var sizes = new List<string>();
        await using var pg = new NpgsqlConnection(o.Db);
        await pg.OpenAsync();
        foreach (var (table, id) in new[] { ("mt_doc_forumstate", forumId), ("mt_doc_forumroster", forumId), ("mt_doc_forumdirectoryentry", forumId),
                     ("mt_doc_sessionstate", sessionId), ("mt_doc_board", sessionId) })
        {
            try
            {
                await using var cmd = new NpgsqlCommand($"select length(data::text) from \"{o.Schema}\".{table} where id = @id", pg);
                cmd.Parameters.AddWithValue("id", id);
                var length = await cmd.ExecuteScalarAsync();
                sizes.Add($"{table} {when}: {(length is int or long ? $"{Convert.ToInt64(length) / 1024.0:F0} KiB" : "?")}");
            }
            catch (PostgresException e) { sizes.Add($"{table}: {e.MessageText}"); }
        }
        // The board's parts (ADR 0013): what a batch of positions writes is one of these per position.
        await using (var parts = new NpgsqlCommand(
            $"select count(*), coalesce(max(length(data::text)), 0) from \"{o.Schema}\".mt_doc_boardposition where data->>'sessionId' = @id", pg))
        {
            parts.Parameters.AddWithValue("id", sessionId.ToString());
            await using var reader = await parts.ExecuteReaderAsync();
            if (await reader.ReadAsync()) sizes.Add($"board positions {when}: {reader.GetInt64(0)} documents, the largest {reader.GetInt32(1)} bytes");
        }
        await using (var count = new NpgsqlCommand($"select count(*) from \"{o.Schema}\".mt_events where stream_id = @id", pg))
        {
            count.Parameters.AddWithValue("id", sessionId);
            sizes.Add($"events in the session's stream {when}: {await count.ExecuteScalarAsync()}");
        }
        return sizes;
    }

    /// <summary>
    /// Idle participants held (DESIGN: 5,000 under 60 KiB of server memory each): N screens joined to one open session and doing
    /// nothing, beside N on the bare hub; resident memory and the managed heap of each server before and after.
    /// </summary>
    private static async Task Idle(Options o, ForumSetup setup, Results results)
    {
        Log.Info($"idle: {o.Idle} connections");
        var session = await setup.OpenSession($"Idle {o.Idle}", 3);
        var forum = new ForumTarget(o, session);
        var bare = new BareTarget(o);
        var members = setup.Members;
        for (var rep = 0; rep < Math.Max(1, o.IdleReps); rep++)
        {
            results.Connections.Add(await ConnectAll(forum, o.Idle, i =>
            {
                var p = new ForumParticipant(session.SessionId, session.ItemId);
                return (p, ct => p.Connect(o.Forum, members[i % members.Count].Token, ct));
            }, "idle", Math.Min(o.Idle, members.Count)));
            await DisconnectAll(forum);
            results.Connections.Add(await ConnectAll(bare, o.Idle, _ =>
            {
                var p = new BareParticipant();
                return (p, ct => p.Connect(o.Bare, ct));
            }, "idle"));
            await DisconnectAll(bare);
        }
    }

    // The managed heap of every process of the target (one per host), NaN when one cannot be read.
    private static double Heap(Target target) =>
        target.Pids.Sum(pid => GcHeap.Read(pid, TimeSpan.FromSeconds(5))?.HeapMiB ?? double.NaN);

    private static async Task<Connected> ConnectAll(Target target, int size, Func<int, (Participant P, Func<CancellationToken, Task> Connect)> make,
        string scenario = "live", int members = 0)
    {
        await Task.Delay(1000);
        var heapBefore = Heap(target);
        var rssBefore = target.Pids.Sum(Proc.RssBytes);
        var started = Clock.Now;
        var failed = 0;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var clients = new Participant[size];
        await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cts.Token }, async (i, ct) =>
        {
            var (p, connect) = make(i);
            clients[i] = p;
            for (var attempt = 0; ; attempt++)
            {
                try { await connect(ct); break; }
                catch (Exception e) when (attempt < 3 && e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    await Task.Delay(500, ct);
                }
            }
        });
        target.Clients.AddRange(clients);
        var seconds = Clock.Ms(started, Clock.Now) / 1000;
        await Task.Delay(2000);
        var rssAfter = target.Pids.Sum(Proc.RssBytes);
        var heapAfter = Heap(target);
        var c = new Connected(target.Name, size, seconds, rssBefore, rssAfter, failed, heapBefore, heapAfter,
            scenario, members == 0 ? size : members);
        Log.Info($"{target.Name} ({scenario}): {size} connected and joined in {seconds:F1} s ({failed} retries); server RSS {rssBefore / 1048576.0:F0} → " +
                 $"{rssAfter / 1048576.0:F0} MiB, {c.KiBPerConnection:F1} KiB per connection; managed heap {c.HeapBeforeMiB:F0} → {c.HeapAfterMiB:F0} MiB, " +
                 $"{c.HeapKiBPerConnection:F1} KiB per connection");
        return c;
    }

    private static async Task DisconnectAll(Target target)
    {
        await Parallel.ForEachAsync(target.Clients, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (p, _) => await p.DisposeAsync());
        target.Clients.Clear();
    }

    private static async Task<LiveRun> OneRun(Options o, HttpClient http, Target target, List<Member> members, int size, int rep, double seconds, Random random)
    {
        var count = Math.Max(1, (int)Math.Round(seconds * o.Rate));
        var ledger = new RunLedger(count);
        foreach (var p in target.Clients) p.Begin(ledger);
        var errors = new Dictionary<string, int>();
        var acks = new double[count];
        var acked = new bool[count];
        // A member is not picked again while their last submission may still be on its way (about 2 s):
        // otherwise a coalesced push may rightly show only the newer one.
        var recent = new Queue<int>();
        var recentSet = new HashSet<int>();
        var keep = Math.Min(size / 4, (int)(2 * o.Rate));

        var load = Proc.LoadAverage();
        var cpu0 = target.Pids.Sum(Proc.CpuSeconds);
        var pg0 = Proc.CpuSecondsWithChildren(o.PgPid);
        var self0 = Proc.CpuSeconds(Environment.ProcessId);
        var interval = 1000.0 / o.Rate;
        var start = Clock.Now + Clock.Ticks(200);
        var sends = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            int m;
            var tries = 0;
            do m = random.Next(size); while (recentSet.Contains(m) && ++tries < 100);
            recent.Enqueue(m); recentSet.Add(m);
            if (recent.Count > keep) recentSet.Remove(recent.Dequeue());
            ledger.MemberOf[i] = m;
            var intended = start + Clock.Ticks(i * interval);
            await Clock.Until(intended);
            ledger.Intended[i] = intended;
            var index = i;
            var stance = Stances[random.Next(Stances.Length)];
            sends.Add(Task.Run(async () =>
            {
                string? error = null;
                try
                {
                    var status = await target.Submit(http, index, members[m], ledger, stance);
                    if (status == HttpStatusCode.Accepted) { acks[index] = Clock.Ms(intended, Clock.Now); acked[index] = true; }
                    else error = $"HTTP {(int)status}";
                }
                catch (Exception e) { error = e.GetType().Name; }
                if (error is not null) lock (errors) errors[error] = errors.GetValueOrDefault(error) + 1;
            }));
        }
        await Task.WhenAny(Task.WhenAll(sends), Task.Delay(TimeSpan.FromSeconds(40)));
        var sendEnd = Clock.Now;

        // Drain: until every acknowledged submission is on every screen, or nothing new arrives for 3 s (at most 30 s).
        var lastTotal = -1L;
        var lastChange = Clock.Now;
        while (Clock.Ms(sendEnd, Clock.Now) < 30_000)
        {
            var complete = true;
            for (var i = 0; i < count && complete; i++) if (acked[i] && Volatile.Read(ref ledger.SeenBy[i]) < size) complete = false;
            if (complete) break;
            var total = Interlocked.Read(ref ledger.TotalSightings);
            if (total != lastTotal) { lastTotal = total; lastChange = Clock.Now; }
            else if (Clock.Ms(lastChange, Clock.Now) > 3000) break;
            await Task.Delay(100);
        }
        var end = Clock.Now;
        var cpu = target.Pids.Sum(Proc.CpuSeconds) - cpu0;
        var pg = target is ForumTarget ? Proc.CpuSecondsWithChildren(o.PgPid) - pg0 : 0;
        var self = Proc.CpuSeconds(Environment.ProcessId) - self0;

        var applied = await target.Applied(ledger) ?? Enumerable.Range(0, count).Where(i => acked[i]).ToHashSet();
        // A screen that missed submission i but saw a later one by the same member was not wrong to skip it.
        var nextBySameMember = new int[count];
        var lastIndexOf = new Dictionary<int, int>();
        for (var i = count - 1; i >= 0; i--)
        {
            nextBySameMember[i] = applied.Contains(i) && lastIndexOf.TryGetValue(ledger.MemberOf[i], out var j) ? j : -1;
            if (applied.Contains(i)) lastIndexOf[ledger.MemberOf[i]] = i;
        }
        int lost = 0, superseded = 0;
        foreach (var p in target.Clients)
            foreach (var i in applied)
            {
                if (p.HasSeen(i)) continue;
                var later = false;
                for (var j = nextBySameMember[i]; j >= 0 && !later; j = nextBySameMember[j]) later = p.HasSeen(j);
                if (later) superseded++; else lost++;
            }
        var last = applied.Where(i => ledger.SeenBy[i] >= size).Select(i => Clock.Ms(ledger.Intended[i], ledger.LastSeen[i])).ToList();
        var elapsed = Clock.Ms(start, end) / 1000;
        return new LiveRun(target.Name, size, rep, count, acked.Count(a => a), applied.Count, errors,
            Dist.Of(Enumerable.Range(0, count).Where(i => acked[i]).Select(i => acks[i])),
            Dist.Of(target.Clients.SelectMany(p => p.Latencies)), Dist.Of(last), last.Count, lost, superseded,
            target.Clients.Sum(p => p.Duplicates), target.Clients.Sum(p => p.OutOfOrder), target.Clients.Sum(p => p.Stale),
            target.Clients.Sum(p => p.Gaps), target.Clients.Sum(p => p.Reconnects), target.Clients.Sum(p => p.Closed),
            target.Clients.Sum(p => p.Refused), target.Clients.Sum(p => p.Errors),
            target.Clients.Average(p => p.Pushes) / elapsed, cpu, pg, self, load, elapsed);
    }

    // ---------------------------------------------------------------- room at once

    private static async Task RoomAtOnce(Options o, HttpClient http, ForumSetup setup, Results results)
    {
        var members = Math.Max(o.Room, o.RoomSpread);
        Log.Info($"room at once: a session with {members} checked in");
        var session = await setup.OpenSession("Room at once", members);
        // One screen watching: when is every accepted submission on the board?
        var observer = new ForumParticipant(session.SessionId, session.ItemId);
        await observer.Connect(o.Forum, setup.Members[2].Token, CancellationToken.None);
        var forum = new ForumTarget(o, session);
        var bare = new BareTarget(o);
        var random = new Random(7);
        try
        {
            for (var rep = -1; rep < o.RoomReps; rep++)
            {
                // The same burst against the bare server's plain POST (no sign-in, no store, nobody listening): what 200 requests
                // at once cost this machine and this client before Forum does anything, measured beside Forum in the same run.
                foreach (var (name, count, seconds, target, watching) in new (string, int, double, Target, ForumParticipant?)[]
                         {
                             ($"{o.Room} at once", o.Room, 0.0, forum, observer),
                             ($"{o.Room} at once, bare HTTP", o.Room, 0.0, bare, null),
                             ($"{o.RoomSpread} in {o.RoomSpreadSeconds:0} s", o.RoomSpread, o.RoomSpreadSeconds, forum, observer),
                         })
                {
                    var run = await RoomRun(o, http, target, watching, setup.Members, name, count, seconds, rep, random);
                    if (rep < 0) { Log.Info($"room warm-up {name}: ack p99 {run.Ack.P99:F1} ms"); continue; }
                    results.Room.Add(run);
                    Log.Info($"room {name} rep {rep}: ack p50/p99/max {run.Ack.P50:F1}/{run.Ack.P99:F1}/{run.Ack.Max:F1} ms; errors {run.Errors.Values.Sum()}; " +
                             $"applied {run.Applied}/{run.Sent}; all on board {run.AllOnBoardMs:F0} ms; server CPU {run.ServerCpuSeconds:F1} s; load {run.LoadAverage:F1}");
                    await Task.Delay(1000);
                }
            }
        }
        finally { await observer.DisposeAsync(); }
    }

    private static async Task<RoomRun> RoomRun(Options o, HttpClient http, Target target, ForumParticipant? observer, List<Member> all,
        string name, int count, double seconds, int rep, Random random)
    {
        var ledger = new RunLedger(count);
        observer?.Begin(ledger);
        var who = all.Take(Math.Max(o.Room, o.RoomSpread)).OrderBy(_ => random.Next()).Take(count).ToList();
        var errors = new Dictionary<string, int>();
        var acks = new double[count];
        var acked = new bool[count];
        var load = Proc.LoadAverage();
        var cpu0 = target.Pids.Sum(Proc.CpuSeconds);
        var pg0 = Proc.CpuSecondsWithChildren(o.PgPid);
        var start = Clock.Now + Clock.Ticks(200);
        var sends = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            ledger.MemberOf[i] = who[i].Index;
            var intended = start + (seconds > 0 ? Clock.Ticks(i * seconds * 1000 / count) : 0);
            ledger.Intended[i] = intended;
            var index = i;
            var stance = Stances[random.Next(Stances.Length)];
            sends.Add(Task.Run(async () =>
            {
                await Clock.Until(intended);
                string? error = null;
                try
                {
                    var status = await target.Submit(http, index, who[index], ledger, stance);
                    if (status == HttpStatusCode.Accepted) { acks[index] = Clock.Ms(intended, Clock.Now); acked[index] = true; }
                    else error = $"HTTP {(int)status}";
                }
                catch (Exception e) { error = e.GetType().Name; }
                if (error is not null) lock (errors) errors[error] = errors.GetValueOrDefault(error) + 1;
            }));
        }
        await Task.WhenAny(Task.WhenAll(sends), Task.Delay(TimeSpan.FromSeconds(seconds + 40)));
        var sendEnd = Clock.Now;
        while (observer is not null && Clock.Ms(sendEnd, Clock.Now) < 30_000)
        {
            var complete = true;
            for (var i = 0; i < count && complete; i++) if (acked[i] && Volatile.Read(ref ledger.SeenBy[i]) < 1) complete = false;
            if (complete) break;
            await Task.Delay(50);
        }
        var cpu = target.Pids.Sum(Proc.CpuSeconds) - cpu0;
        var pg = Proc.CpuSecondsWithChildren(o.PgPid) - pg0;
        var applied = await target.Applied(ledger) ?? Enumerable.Range(0, count).Where(i => acked[i]).ToHashSet();
        var onBoard = observer is not null && applied.All(i => ledger.SeenBy[i] > 0) && applied.Count > 0
            ? Clock.Ms(start, applied.Max(i => ledger.LastSeen[i])) : double.NaN;
        return new RoomRun(name, rep, count, acked.Count(a => a), errors,
            Dist.Of(Enumerable.Range(0, count).Where(i => acked[i]).Select(i => acks[i])), applied.Count, onBoard, cpu, pg, load);
    }
}
