using System.Globalization;
using System.Text;
using CsvHelper;
using Forum.Domain.ActionPlans;
using Forum.Host.ActionPlans.CoCreation;
using Forum.Projections.ActionPlans;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.OpenData;

/// <summary>
/// The plan as open data, one row per milestone with its commitment's fields (a commitment without milestones has one row
/// with the milestone's columns empty). The columns are documented in the README; they are added to, never renamed.
/// </summary>
public static class PlanRows
{
    public static readonly string[] Columns =
    [
        "plan_id", "plan_title", "plan_starts_on", "plan_ends_on", "plan_status",
        "commitment_id", "commitment_number", "commitment_title", "commitment_status", "public_problem", "commitment_description", "how_it_solves",
        "ogp_values", "lead_institution", "supporting_actors", "commitment_starts_on", "commitment_ends_on",
        "government_level", "civil_society_level", "assessment_gap",
        "milestone_id", "milestone_title", "milestone_output", "milestone_starts_on", "milestone_ends_on",
        "milestone_government_level", "milestone_civil_society_level", "milestone_assessment_gap", "milestone_overdue",
    ];

    public static async Task<(ActionPlanTracker Tracker, List<string?[]> Rows)> Of(IQuerySession store, ActionPlanState plan, DateOnly today)
    {
        var tracker = await GetActionPlanEndpoint.Tracker(store, plan, today);
        var terms = (await store.Query<CommitmentState>().Where(c => c.ActionPlanId == plan.Id).ToListAsync()).ToDictionary(c => c.Id, c => c.Terms);
        var rows = new List<string?[]>();
        foreach (var c in tracker.Commitments)
        {
            var t = terms[c.CommitmentId];
            string?[] commitment =
            [
                plan.Id.ToString(), plan.Title, Day(plan.StartsOn), Day(plan.EndsOn), plan.Status.ToString(),
                c.CommitmentId.ToString(), c.Number.ToString(CultureInfo.InvariantCulture), c.Title, c.Status.ToString(), t.Problem, t.Description, t.Solution,
                string.Join("; ", t.Values), t.LeadInstitution, string.Join("; ", t.SupportingActors.Select(a => $"{a.Name} ({a.Group})")), Day(c.StartsOn), Day(c.EndsOn),
                c.Government?.Level.ToString(), c.CivilSociety?.Level.ToString(), Number(c.Gap),
            ];
            if (c.Milestones.Count == 0) rows.Add([.. commitment, null, null, null, null, null, null, null, null, null]);
            foreach (var m in c.Milestones)
                rows.Add([.. commitment, m.MilestoneId.ToString(), m.Title, m.Output, Day(m.StartsOn), Day(m.EndsOn), m.Government?.Level.ToString(),
                    m.CivilSociety?.Level.ToString(), Number(m.Gap), m.Overdue ? "true" : "false"]);
        }
        return (tracker, rows);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);
}

public static class OpenDataEndpoints
{
    [WolverineGet("/api/action-plans/{actionPlanId}.csv"), Tags("Action plans")]
    public static async Task<IResult> Csv([ReadAggregate("actionPlanId", Required = false)] ActionPlanState plan, [NotBody] PlanCaller caller, IQuerySession store,
        TimeProvider clock)
    {
        var (_, rows) = await PlanRows.Of(store, plan, ActionPlanRules.Today(clock.GetUtcNow()));
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteHeader(PlanRows.Columns);
            foreach (var row in rows) csv.WriteRecord(row!);
        }
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"action-plan-{plan.Id}.csv");
    }

    /// <summary>The same rows as the CSV, as objects keyed by the same column names.</summary>
    [WolverineGet("/api/action-plans/{actionPlanId}.json"), Tags("Action plans")]
    public static async Task<IResult> Json([ReadAggregate("actionPlanId", Required = false)] ActionPlanState plan, [NotBody] PlanCaller caller, IQuerySession store,
        TimeProvider clock)
    {
        var (_, rows) = await PlanRows.Of(store, plan, ActionPlanRules.Today(clock.GetUtcNow()));
        return Results.Ok(rows.Select(r => PlanRows.Columns.Select((c, i) => (c, r[i])).ToDictionary(x => x.c, x => x.Item2)));
    }

    /// <summary>A calendar of milestone deadlines: one all-day event on each milestone's end date, its UID stable across feeds.</summary>
    [WolverineGet("/api/action-plans/{actionPlanId}/milestones.ics"), Tags("Action plans")]
    public static async Task<IResult> Calendar([ReadAggregate("actionPlanId", Required = false)] ActionPlanState plan, [NotBody] PlanCaller caller, IQuerySession store,
        IOptions<Infrastructure.ForumOptions> options, TimeProvider clock)
    {
        var tracker = await GetActionPlanEndpoint.Tracker(store, plan, ActionPlanRules.Today(clock.GetUtcNow()));
        var calendar = new Ical.Net.Calendar { ProductId = "-//Forum//Action plans//EN" };
        calendar.AddProperty("X-WR-CALNAME", plan.Title);
        foreach (var c in tracker.Commitments)
        foreach (var m in c.Milestones)
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{m.MilestoneId}@forum",
                Summary = $"Due: {m.Title} (commitment {c.Number})",
                Description = $"{c.Title}\n{m.Output}\nLead institution: {c.LeadInstitution}",
                DtStart = new CalDateTime(m.EndsOn),
                DtEnd = new CalDateTime(m.EndsOn.AddDays(1)),
                Url = new Uri(options.Value.Link($"/api/commitments/{c.CommitmentId}")),
            });
        return Results.Text(new CalendarSerializer().SerializeToString(calendar)!, "text/calendar; charset=utf-8", Encoding.UTF8);
    }
}
