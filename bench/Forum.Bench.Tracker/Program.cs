// Tracker benchmark: an action plan of 20 commitments x 6 milestones with two years of reports and assessments (monthly
// per milestone and per commitment, assessments quarterly per milestone), 150 answered proposals, appended through the
// host's own store (so every inline projection runs as in production), then the public GETs timed through the host's
// whole HTTP pipeline (in memory, no network). Prints p50 / p95 / max per route and the size of each answer.
// Usage: FORUM_DB=... dotnet run -c Release --project bench/Forum.Bench.Tracker [-- --runs 300]
using System.Diagnostics;
using Forum.Domain.ActionPlans;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

public static class TrackerBench
{
    public static async Task Main(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(300);
        var db = Environment.GetEnvironmentVariable("FORUM_DB") ?? throw new InvalidOperationException("Set FORUM_DB to a PostgreSQL database.");
        JasperFxEnvironment.AutoStartHost = true;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("FORUM_DB", db);
            b.UseSetting("Forum:Schema", "bench_tracker");
            b.UseSetting("Forum:DataDirectory", Path.Combine(Path.GetTempPath(), "forum-bench-tracker"));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseEnvironment("Production");
        });
        var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        await store.Advanced.ResetAllData();

        var (planId, sample, events) = await Seed(store);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; .NET {Environment.Version}; plan {planId}: 20 commitments x 6 milestones, {events:N0} events");
        await using (var q = store.QuerySession())
            Console.WriteLine("tracker rows: " + q.Query<Forum.Projections.ActionPlans.CommitmentRow>().Where(r => r.ActionPlanId == planId)
                .ToCommand(Marten.Linq.FetchType.FetchMany).CommandText);
        // The tracker's parts, each timed on its own: the two queries it makes and the fold.
        var parts = new Dictionary<string, List<double>> { ["rows query (20 CommitmentRow)"] = [], ["proposal answers query (150)"] = [], ["fold + JSON"] = [] };
        for (var i = 0; i < runs; i++)
        {
            await using var q = store.QuerySession();
            var plan = (await q.LoadAsync<ActionPlanState>(planId))!;
            var sw = Stopwatch.StartNew();
            var rows = await q.Query<Forum.Projections.ActionPlans.CommitmentRow>().Where(r => r.ActionPlanId == planId).ToListAsync();
            parts["rows query (20 CommitmentRow)"].Add(sw.Elapsed.TotalMilliseconds); sw.Restart();
            var answers = await q.Query<Forum.Projections.ActionPlans.ProposalView>().Where(p => p.ActionPlanId == planId).Select(p => p.Response!).ToListAsync();
            parts["proposal answers query (150)"].Add(sw.Elapsed.TotalMilliseconds); sw.Restart();
            var tracker = Forum.Projections.ActionPlans.ActionPlanTracker.From(plan, rows, answers.Select(a => a?.Outcome), DateOnly.FromDateTime(DateTime.UtcNow));
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(tracker, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
            parts["fold + JSON"].Add(sw.Elapsed.TotalMilliseconds);
        }
        foreach (var (part, times) in parts)
        {
            times.Sort();
            Console.WriteLine($"  tracker part: {part,-32} p50 {times[runs / 2],7:N2} ms   p95 {times[(int)(runs * 0.95)],7:N2} ms");
        }
        string[] routes = ["/health/live", $"/api/action-plans/{planId}", $"/api/commitments/{sample}", $"/api/commitments/{sample}?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}",
            $"/api/action-plans/{planId}.csv", $"/api/action-plans/{planId}/proposals"];
        foreach (var route in routes)
        {
            for (var i = 0; i < 20; i++) (await client.GetAsync(route)).EnsureSuccessStatusCode();
            var times = new double[runs];
            long size = 0;
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                using var response = await client.GetAsync(route);
                var body = await response.Content.ReadAsByteArrayAsync();
                times[i] = sw.Elapsed.TotalMilliseconds;
                response.EnsureSuccessStatusCode();
                size = body.Length;
            }
            Array.Sort(times);
            Console.WriteLine($"GET {route.Replace(planId.ToString(), "{plan}").Replace(sample.ToString(), "{commitment}").Split("?at=")[0]}{(route.Contains("?at=") ? "?at=(now: the whole stream folded live)" : "")}");
            Console.WriteLine($"    p50 {times[runs / 2],7:N2} ms   p95 {times[(int)(runs * 0.95)],7:N2} ms   max {times[^1],7:N2} ms   {size / 1024.0,8:N1} KiB   ({runs} runs)");
        }

    }

    private static async Task<(Guid Plan, Guid Sample, int Events)> Seed(IDocumentStore store)
    {
        var by = Guid.CreateVersion7();
        var forumId = Guid.CreateVersion7();
        var planId = Guid.CreateVersion7();
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-730);
        var t0 = DateTimeOffset.UtcNow.AddDays(-730);
        var reporter = Guid.CreateVersion7();
        var cso = Guid.CreateVersion7();
        var count = 0;
        await using (var s = store.LightweightSession())
        {
            s.Events.StartStream<ForumState>(forumId, new ForumEstablished(forumId, "Forum", "Moldova", "ro", "", by, t0),
                new MemberAdmitted(forumId, reporter, "Ani Petrosyan", "ani@justice.test", "Ministry of Justice", StakeholderGroup.Government, MemberRole.Member, by, t0),
                new MemberAdmitted(forumId, cso, "Ion Rusu", "ion@cso.test", "Transparency Watch", StakeholderGroup.CivilSociety, MemberRole.Member, by, t0));
            s.Events.StartStream<ActionPlanState>(planId, new ActionPlanOpened(planId, forumId, "National Action Plan", start, start.AddDays(900), start.AddDays(30), by, t0));
            await s.SaveChangesAsync();
            count += 4;
        }
        var commitments = new List<Guid>();
        var note = string.Concat(Enumerable.Repeat("Progress in line with the workplan; the inter-agency group met. ", 3));
        for (var c = 1; c <= 20; c++)
        {
            var id = Guid.CreateVersion7();
            commitments.Add(id);
            var events = new List<object>
            {
                new CommitmentDrafted(id, planId, forumId, c, new CommitmentTerms($"Commitment {c}: open registers", note, note, note,
                    [OgpValue.Transparency, OgpValue.PublicAccountability], "Ministry of Justice", [new SupportingActor("Transparency Watch", StakeholderGroup.CivilSociety)],
                    start, start.AddDays(850), [new Reporter(reporter, "Ani Petrosyan")]), by, t0),
            };
            var milestones = Enumerable.Range(1, 6).Select(_ => Guid.CreateVersion7()).ToList();
            foreach (var (m, i) in milestones.Select((m, i) => (m, i)))
                events.Add(new MilestoneAdded(id, m, $"Milestone {c}.{i + 1}", note, start.AddDays(i * 120), start.AddDays(i * 120 + 200), by, t0));
            events.Add(new CommitmentAdopted(id, planId, Guid.CreateVersion7(), Guid.CreateVersion7(), Outcome.ConsensusReached, by, t0.AddDays(10)));
            for (var month = 1; month <= 24; month++)
            {
                var at = t0.AddDays(month * 30);
                var level = (Completion)Math.Min(4, 1 + month / 6);
                Evidence[] evidence = [new Evidence("Report", $"https://gov.example.md/reports/{c}/{month}", null, null, null, null, null)];
                foreach (var m in milestones)
                    events.Add(new ProgressReported(id, planId, Guid.CreateVersion7(), m, level, note, evidence, reporter, "Ani Petrosyan", reporter, at));
                events.Add(new ProgressReported(id, planId, Guid.CreateVersion7(), null, level, note, evidence, reporter, "Ani Petrosyan", reporter, at));
                events.Add(new AssessmentRecorded(id, planId, Guid.CreateVersion7(), null, (Completion)Math.Max(1, (int)level - 1), note, evidence, cso, "Ion Rusu",
                    "Transparency Watch", StakeholderGroup.CivilSociety, cso, at.AddDays(5)));
                if (month % 3 == 0)
                    foreach (var m in milestones)
                        events.Add(new AssessmentRecorded(id, planId, Guid.CreateVersion7(), m, level, note, evidence, cso, "Ion Rusu", "Transparency Watch",
                            StakeholderGroup.CivilSociety, cso, at.AddDays(6)));
            }
            await using var s = store.LightweightSession();
            s.Events.Append(planId, new CommitmentAddedToPlan(planId, id, c, by, t0));
            s.Events.StartStream<CommitmentState>(id, events);
            await s.SaveChangesAsync();
            count += events.Count + 1;
        }
        await using (var s = store.LightweightSession())
        {
            for (var p = 0; p < 150; p++)
            {
                var id = Guid.CreateVersion7();
                var outcome = (ProposalOutcome)(p % 4);
                s.Events.StartStream<ProposalState>(id,
                    new ProposalSubmitted(id, planId, forumId, $"Proposal {p}", note, note, p % 2 == 0 ? $"Citizen {p}" : null, Guid.CreateVersion7(), null, t0),
                    new ProposalAnswered(id, planId, outcome, note, outcome is ProposalOutcome.Adopted or ProposalOutcome.Merged ? commitments[p % 20] : null, by, t0.AddDays(20)));
                count += 2;
            }
            await s.SaveChangesAsync();
        }
        return (planId, commitments[0], count);
    }
}
