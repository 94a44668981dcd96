using System.Text;

namespace Forum.Bench;

/// <summary>Medians over repetitions, Forum beside the bare baseline, as Markdown.</summary>
public static class Report
{
    private static string F(double v, string format = "F1") => double.IsNaN(v) ? "—" : v.ToString(format);
    private static string Ratio(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b == 0 ? "—" : (a / b).ToString("F2") + "×";

    public static string Markdown(Results r)
    {
        var s = new StringBuilder();
        var o = r.Options;
        s.AppendLine($"- command: `{r.Command}`");
        s.AppendLine($"- machine: {r.Machine}; {r.Postgres}");
        if (o.Forums.Length > 1)
            s.AppendLine($"- Forum on {o.Forums.Length} hosts sharing PostgreSQL and one Redis (the SignalR backplane), participants and their submissions dealt out in turn; server CPU and memory are the hosts' sums");
        s.AppendLine($"- started {r.StartedAt:yyyy-MM-dd HH:mm} UTC; {o.Reps} repetitions of {o.Duration:0} s at {o.Rate:0} submissions/s per system and size, alternated A/B then B/A; warm-up {o.Warmup:0} s each");
        s.AppendLine();

        if (r.Live.Count > 0)
        {
            s.AppendLine("Medians of the repetitions (ms from the intended send time):");
            s.AppendLine();
            s.AppendLine("| participants | system | ack p50 / p99 | each screen p50 / p99 / p99.9 | last screen p50 / p99 | lost | dup | out of order | gaps (rejoins) | errors | pushes/s per screen | server CPU s per run | PostgreSQL CPU s | bench CPU s | server KiB per connection |");
            s.AppendLine("| ---: | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var size in r.Live.Select(x => x.Size).Distinct())
            {
                foreach (var system in r.Live.Select(x => x.System).Distinct())
                {
                    var runs = r.Live.Where(x => x.Size == size && x.System == system).ToList();
                    double M(Func<LiveRun, double> f) => Percentile.Median(runs.Select(f));
                    var conn = r.Connections.FirstOrDefault(c => c.Size == size && c.System == system);
                    s.AppendLine($"| {size} | {system} | {F(M(x => x.Ack.P50))} / {F(M(x => x.Ack.P99))} | " +
                                 $"{F(M(x => x.Delivery.P50))} / {F(M(x => x.Delivery.P99))} / {F(M(x => x.Delivery.P999))} | " +
                                 $"{F(M(x => x.Last.P50))} / {F(M(x => x.Last.P99))} | " +
                                 $"{F(M(x => x.Lost), "0")} | {F(M(x => x.Duplicates), "0")} | {(system == "Forum" ? F(M(x => x.OutOfOrder), "0") : "n/a")} | {F(M(x => x.Gaps), "0")} | " +
                                 $"{F(M(x => x.Errors.Values.Sum() + x.ClientErrors + x.Refused), "0")} | {F(M(x => x.PushesPerClientPerSecond))} | " +
                                 $"{F(M(x => x.ServerCpuSeconds))} | {F(M(x => x.PgCpuSeconds))} | {F(M(x => x.BenchCpuSeconds))} | {(conn is null ? "—" : F(conn.KiBPerConnection))} |");
                }
            }
            s.AppendLine();
            s.AppendLine("Forum ÷ bare baseline (medians):");
            s.AppendLine();
            s.AppendLine("| participants | each screen p50 | each screen p99 | each screen p99.9 | last screen p99 | server CPU |");
            s.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var size in r.Live.Select(x => x.Size).Distinct())
            {
                var f = r.Live.Where(x => x.Size == size && x.System == "Forum").ToList();
                var b = r.Live.Where(x => x.Size == size && x.System != "Forum").ToList();
                double Mf(Func<LiveRun, double> g) => Percentile.Median(f.Select(g));
                double Mb(Func<LiveRun, double> g) => Percentile.Median(b.Select(g));
                s.AppendLine($"| {size} | {Ratio(Mf(x => x.Delivery.P50), Mb(x => x.Delivery.P50))} | {Ratio(Mf(x => x.Delivery.P99), Mb(x => x.Delivery.P99))} | " +
                             $"{Ratio(Mf(x => x.Delivery.P999), Mb(x => x.Delivery.P999))} | {Ratio(Mf(x => x.Last.P99), Mb(x => x.Last.P99))} | " +
                             $"{Ratio(Mf(x => x.ServerCpuSeconds), Mb(x => x.ServerCpuSeconds))} |");
            }
            s.AppendLine();
            s.AppendLine("Every repetition (for the bare baseline, which has no versions, \"ooo\" counts messages arriving after one with a higher submission number: concurrent HTTP submissions overtaking each other, not a fault):");
            s.AppendLine();
            s.AppendLine("| n | system | rep | sent / acked / applied | ack p99 | each p50 / p99 / p99.9 | last p50 / p99 (of n seen by all) | lost | superseded | dup | ooo | stale | gaps | reconnects | errors | server / pg / bench CPU s | load |");
            s.AppendLine("| ---: | --- | ---: | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |");
            foreach (var x in r.Live)
                s.AppendLine($"| {x.Size} | {x.System} | {x.Rep} | {x.Sent} / {x.Acked} / {x.Applied} | {F(x.Ack.P99)} | {F(x.Delivery.P50)} / {F(x.Delivery.P99)} / {F(x.Delivery.P999)} | " +
                             $"{F(x.Last.P50)} / {F(x.Last.P99)} ({x.AllSeen}) | {x.Lost} | {x.Superseded} | {x.Duplicates} | {x.OutOfOrder} | {x.Stale} | {x.Gaps} | {x.Reconnects} | " +
                             $"{Errors(x.Errors, x.ClientErrors, x.Refused)} | {F(x.ServerCpuSeconds)} / {F(x.PgCpuSeconds)} / {F(x.BenchCpuSeconds)} | {F(x.LoadAverage)} |");
            s.AppendLine();
            s.AppendLine("Server CPU per submission (ms of the server process per submission sent; flat means the cost does not grow with the room):");
            s.AppendLine();
            s.AppendLine("| participants | Forum ms per submission | bare ms per submission |");
            s.AppendLine("| ---: | ---: | ---: |");
            foreach (var size in r.Live.Select(x => x.Size).Distinct())
            {
                double PerSubmission(bool forum) => Percentile.Median(r.Live.Where(x => x.Size == size && (x.System == "Forum") == forum)
                    .Select(x => x.ServerCpuSeconds * 1000 / Math.Max(1, x.Sent)));
                s.AppendLine($"| {size} | {F(PerSubmission(true), "F2")} | {F(PerSubmission(false), "F2")} |");
            }
            s.AppendLine();
        }
        if (r.Connections.Count > 0)
        {
            s.AppendLine("Connecting (N connections opened, each joined; server RSS and managed heap before → after):");
            s.AppendLine();
            foreach (var c in r.Connections)
                s.AppendLine($"- {c.Scenario}, {c.System}, {c.Size}{(c.Members < c.Size ? $" (of {c.Members} members)" : "")}: {c.Seconds:F1} s, RSS {c.RssBefore / 1048576.0:F0} → {c.RssAfter / 1048576.0:F0} MiB = " +
                             $"{c.KiBPerConnection:F1} KiB per connection; managed heap {F(c.HeapBeforeMiB, "F0")} → {F(c.HeapAfterMiB, "F0")} MiB = {F(c.HeapKiBPerConnection)} KiB per connection; {c.Failed} retries");
            s.AppendLine();
            s.AppendLine("Documents each write reads and rewrites:");
            s.AppendLine();
            foreach (var d in r.Documents) s.AppendLine($"- {d}");
            s.AppendLine();
        }

        if (r.Room.Count > 0)
        {
            s.AppendLine("Room at once, medians of the repetitions (durable acknowledgement = HTTP 202 once the submission is stored: decided and committed, or in a burst in the durable inbox (ADR 0030)):");
            s.AppendLine();
            s.AppendLine("| scenario | reps | ack p50 / p99 / max ms | errors (total) | applied / sent | all on the board after (ms from release) | server CPU s | PostgreSQL CPU s |");
            s.AppendLine("| --- | ---: | --- | ---: | --- | ---: | ---: | ---: |");
            foreach (var scenario in r.Room.Select(x => x.Scenario).Distinct())
            {
                var runs = r.Room.Where(x => x.Scenario == scenario).ToList();
                double M(Func<RoomRun, double> f) => Percentile.Median(runs.Select(f));
                s.AppendLine($"| {scenario} | {runs.Count} | {F(M(x => x.Ack.P50))} / {F(M(x => x.Ack.P99))} / {F(M(x => x.Ack.Max))} | {runs.Sum(x => x.Errors.Values.Sum())} | " +
                             $"{F(M(x => x.Applied), "0")} / {F(M(x => x.Sent), "0")} | {F(M(x => x.AllOnBoardMs), "0")} | {F(M(x => x.ServerCpuSeconds))} | {F(M(x => x.PgCpuSeconds))} |");
            }
            s.AppendLine();
            s.AppendLine("| scenario | rep | ack p50 / p99 / max ms | errors | applied / sent | all on board ms | load |");
            s.AppendLine("| --- | ---: | --- | --- | --- | ---: | ---: |");
            foreach (var x in r.Room)
                s.AppendLine($"| {x.Scenario} | {x.Rep} | {F(x.Ack.P50)} / {F(x.Ack.P99)} / {F(x.Ack.Max)} | {Errors(x.Errors, 0, 0)} | {x.Applied} / {x.Sent} | {F(x.AllOnBoardMs, "0")} | {F(x.LoadAverage)} |");
            s.AppendLine();
        }
        if (r.Gc.Count > 0)
        {
            s.AppendLine("The servers' garbage collector in each run (`--gc`: the runtime's GC events; allocations sampled every ~100 KB; \"kept\" is what gen0 collections promoted):");
            s.AppendLine();
            s.AppendLine("| n | system | rep | gen0 / gen1 / gen2 | paused ms (longest) | allocated MiB | kept MiB | allocated most (MiB) |");
            s.AppendLine("| ---: | --- | ---: | --- | --- | ---: | ---: | --- |");
            foreach (var g in r.Gc)
                s.AppendLine($"| {g.Size} | {g.System} | {g.Rep} | {g.Gen0} / {g.Gen1} / {g.Gen2} | {g.PausedMs:F0} ({g.LongestPauseMs:F0}) | {g.AllocatedMiB:F0} | {g.PromotedMiB:F0} | " +
                             string.Join(", ", g.Top.Take(6).Select(t => $"{t.Type} {t.MiB:F0}")) + " |");
            s.AppendLine();
        }
        return s.ToString();
    }

    private static string Errors(Dictionary<string, int> http, int client, int refused)
    {
        var parts = http.Select(e => $"{e.Key}: {e.Value}").ToList();
        if (client > 0) parts.Add($"client: {client}");
        if (refused > 0) parts.Add($"refused: {refused}");
        return parts.Count == 0 ? "0" : string.Join(", ", parts);
    }
}
