using System.Globalization;

namespace Forum.Domain.Forums.Standards;

/// <summary>
/// The OGP Participation and Co-Creation Standards (2021) as Forum can show them from a forum's record: one row per
/// requirement, each met, not met, or pending (not yet assessable, or waiting for the action-plan record). A pure function
/// of the facts and today. The thresholds that OGP does not fix in numbers are Forum's reading, named here (ADR 0018).
/// </summary>
public static class OgpStandards
{
    /// <summary>MR 1.1: the forum meets at least every six months.</summary>
    public const int MaxGapMonths = 6;
    /// <summary>MR 2.2: the repository is updated at least twice a year.</summary>
    public const int UpdatesPerYear = 2;
    /// <summary>MR 5.1: the forum meets at least twice a year to review implementation.</summary>
    public const int ImplementationMeetingsPerYear = 2;
    /// <summary>Parity (Forum's reading): the smaller of government's and civil society's shares is at least this part of the larger.</summary>
    public const double ParityRatio = 0.8;
    /// <summary>Standard 2's "timely" information (Forum's reading): minutes public within this many days of the meeting.</summary>
    public const int MinutesWithinDays = 30;

    public static OgpReport Report(ForumFacts facts, DateTimeOffset now)
    {
        var meetings = facts.Meetings.Where(m => m.HeldAt <= now).OrderBy(m => m.HeldAt).ToList();
        var founded = meetings.Count > 0 && meetings[0].HeldAt < facts.EstablishedAt ? meetings[0].HeldAt : facts.EstablishedAt;
        return new OgpReport(facts.ForumId, facts.Name, now, founded,
            meetings.Select(m => new ReportMeeting(m.Id, m.Kind, m.Title, m.HeldAt, m.Evidence?.Href)).ToList(),
            [
                MeetsEverySixMonths(meetings, founded, now, facts.PublicPage),
                BothGroupsPresent(meetings, facts.PublicPage),
                RulesPublic(facts),
                RepositoryUpdated(facts.Updates, founded, now),
                ObjectionsAnswered(meetings),
                ProposalsAnswered(facts.ActionPlans),
                ImplementationMeetings(meetings, facts.Commitments, now),
                Parity("parity-attendance", "Government's and civil society's shares of attendance", meetings.Where(m => m.FiguresPublic)
                    .Select(m => (m, (IReadOnlyDictionary<StakeholderGroup, double>?)m.Attendance.ToDictionary(a => a.Key, a => (double)a.Value))), "people"),
                Parity("parity-speaking", "Government's and civil society's shares of speaking time", meetings.Where(m => m.FiguresPublic && m.Kind == MeetingKind.Session)
                    .Select(m => (m, m.SpeakingSeconds)), "seconds"),
                MinutesTimely(meetings, now),
            ]);
    }

    private static RequirementRow MeetsEverySixMonths(List<MeetingFacts> meetings, DateTimeOffset founded, DateTimeOffset now, EvidenceLink page)
    {
        var points = new List<(DateTimeOffset At, string Label, string? Href)> { (founded, "founding", page.Href) };
        points.AddRange(meetings.Select(m => (m.HeldAt, m.Title, m.Evidence?.Href)));
        points.Add((now, "today", null));
        var gaps = points.Zip(points.Skip(1), (a, b) => new Figure("gapDays", Days(b.At - a.At), "days", $"{a.Label} → {b.Label}", a.At,
            b.At <= a.At.AddMonths(MaxGapMonths), b.Href ?? a.Href)).ToList();
        var longest = gaps.MaxBy(g => g.Value)!;
        var met = gaps.All(g => g.Met == true);
        var summary = (meetings.Count == 0 ? "No meeting held yet. " : $"{meetings.Count} meetings since {Day(founded)}. ")
            + $"The longest gap, {longest.Subject}, is {longest.Value?.ToString("0", CultureInfo.InvariantCulture)} days; at most {MaxGapMonths} months is allowed"
            + (met ? "." : $": {gaps.Count(g => g.Met == false)} gaps are longer.");
        return new RequirementRow("mr-1.1-meetings", "MR 1.1", "The forum meets at least every six months", met ? RequirementStatus.Met : RequirementStatus.NotMet,
            summary,
            [new Figure("meetingsHeld", meetings.Count, "meetings"), new Figure("longestGapDays", longest.Value, "days", longest.Subject, longest.Date),
             new Figure("foundedOn", null, "date", Date: founded)],
            gaps, [page]);
    }

    private static RequirementRow BothGroupsPresent(List<MeetingFacts> meetings, EvidenceLink page)
    {
        var details = meetings.SelectMany(m => m.FiguresPublic
            ? new[]
            {
                new Figure("government", m.Attendance.GetValueOrDefault(StakeholderGroup.Government), "people", m.Title, m.HeldAt, Both(m), m.Evidence?.Href),
                new Figure("civilSociety", m.Attendance.GetValueOrDefault(StakeholderGroup.CivilSociety), "people", m.Title, m.HeldAt, Both(m), m.Evidence?.Href),
            }
            : [new Figure("minutesNotYetPublished", null, "", m.Title, m.HeldAt, null, m.Evidence?.Href)]).ToList();
        var known = meetings.Where(m => m.FiguresPublic).ToList();
        var missing = known.Where(m => !Both(m)).ToList();
        var withheld = meetings.Count - known.Count;
        var status = missing.Count > 0 ? RequirementStatus.NotMet : withheld > 0 || meetings.Count == 0 ? RequirementStatus.Pending : RequirementStatus.Met;
        var summary = meetings.Count == 0 ? "No meeting held yet."
            : $"Both government and civil society attended {known.Count - missing.Count} of the {known.Count} meetings whose record is public"
              + (missing.Count > 0 ? $"; not: {string.Join(", ", missing.Select(m => $"{m.Title} ({Day(m.HeldAt)})"))}" : "")
              + (withheld > 0 ? $"; {withheld} meetings wait for their minutes." : ".");
        return new RequirementRow("mr-1.1-both-groups", "MR 1.1", "Government and civil society take part in each meeting", status, summary,
            [new Figure("meetingsWithBoth", known.Count - missing.Count, "meetings"), new Figure("meetingsPublic", known.Count, "meetings"),
             new Figure("meetingsAwaitingMinutes", withheld, "meetings")],
            details, [page]);
    }

    private static bool Both(MeetingFacts m) =>
        m.Attendance.GetValueOrDefault(StakeholderGroup.Government) > 0 && m.Attendance.GetValueOrDefault(StakeholderGroup.CivilSociety) > 0;

    private static RequirementRow RulesPublic(ForumFacts facts) =>
        new("mr-1.1-rules", "MR 1.1", "The forum's basic rules are public",
            facts.RulesSetAt is null ? RequirementStatus.NotMet : RequirementStatus.Met,
            facts.RulesSetAt is { } at
                ? $"The forum set its rules (quorum, parity, decision rule) on {Day(at)}; they are on its public page."
                : "The forum has not set its rules: Forum's defaults apply, and nothing shows the forum chose them.",
            [new Figure("rulesSetOn", null, "date", Date: facts.RulesSetAt)], [], [facts.PublicPage]);

    /// <summary>
    /// The 12-month periods back from today to <paramref name="from"/>, each with how many times it must hold what is
    /// counted: <paramref name="perYear"/> in a whole year, half as many in a remainder of 6 to 12 months, nothing judged below.
    /// </summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End, int Required)> Periods(DateTimeOffset from, DateTimeOffset now, int perYear)
    {
        var periods = new List<(DateTimeOffset, DateTimeOffset, int)>();
        for (var end = now; end > from; end = end.AddMonths(-12))
        {
            var start = end.AddMonths(-12) < from ? from : end.AddMonths(-12);
            periods.Add((start, end, start.AddMonths(12) <= end ? perYear : start.AddMonths(6) <= end ? perYear / 2 : 0));
        }
        return periods;
    }

    private static bool Within(DateTimeOffset at, (DateTimeOffset Start, DateTimeOffset End, int) period, DateTimeOffset now) =>
        at >= period.Start && (at < period.End || period.End == now && at <= now);

    private static RequirementRow RepositoryUpdated(IReadOnlyList<RepositoryUpdate> updates, DateTimeOffset founded, DateTimeOffset now)
    {
        var details = new List<Figure>();
        var periods = new List<(DateTimeOffset Start, DateTimeOffset End, int Count, int Required)>();
        foreach (var period in Periods(founded, now, UpdatesPerYear))
        {
            var inPeriod = updates.Where(u => Within(u.At, period, now)).ToList();
            // Several records published on one day are one update of the repository.
            var count = inPeriod.Select(u => DateOnly.FromDateTime(u.At.UtcDateTime)).Distinct().Count();
            periods.Add((period.Start, period.End, count, period.Required));
            details.Add(new Figure("updates", count, "days with an update", $"{Day(period.Start)} – {Day(period.End)}", period.Start,
                period.Required == 0 ? null : count >= period.Required, inPeriod.LastOrDefault(u => u.Evidence is not null)?.Evidence?.Href));
        }
        var judged = periods.Where(p => p.Required > 0).ToList();
        var short_ = judged.Where(p => p.Count < p.Required).ToList();
        var status = short_.Count > 0 ? RequirementStatus.NotMet : judged.Count == 0 ? RequirementStatus.Pending : RequirementStatus.Met;
        var summary = judged.Count == 0
            ? $"The forum's record is younger than six months; {updates.Count} updates so far."
            : $"In each 12 months back from today the public record was updated on at least {UpdatesPerYear} days"
              + (short_.Count > 0 ? $" — except {string.Join(", ", short_.Select(p => $"{Day(p.Start)} – {Day(p.End)} ({p.Count})"))}." : ".");
        return new RequirementRow("mr-2.2", "MR 2.2", "The public repository is updated at least twice a year", status, summary,
            [new Figure("updates", updates.Count, "updates"), new Figure("periodsShort", short_.Count, "periods")],
            details, updates.Where(u => u.Evidence is not null).Select(u => u.Evidence!).Distinct().ToList());
    }

    private static RequirementRow ObjectionsAnswered(List<MeetingFacts> meetings)
    {
        var sessions = meetings.Where(m => m.Kind == MeetingKind.Session).ToList();
        var known = sessions.Where(m => m.FiguresPublic).ToList();
        var notFollowed = known.Sum(m => m.NotFollowed);
        var answered = known.Sum(m => m.Answered);
        var withheld = sessions.Count - known.Count;
        var status = answered < notFollowed ? RequirementStatus.NotMet : known.Count == 0 ? RequirementStatus.Pending : RequirementStatus.Met;
        var summary = (notFollowed == 0
                ? "No Object, Block or reservation stands on the public record of the forum's decisions"
                : $"The decisions answered {answered} of the {notFollowed} Objects, Blocks and reservations on record ({Percent(answered, notFollowed)})")
            + (withheld > 0 ? $"; {withheld} sessions wait for their minutes." : ".");
        return new RequirementRow("standard-4-objections", "Standard 4", "A reasoned response to each Object, Block and reservation in decisions", status, summary,
            [new Figure("answeredShare", notFollowed == 0 ? null : Share(answered, notFollowed), "share"), new Figure("notFollowed", notFollowed, "positions"),
             new Figure("answered", answered, "positions")],
            known.Where(m => m.NotFollowed > 0).Select(m => new Figure("answeredShare", Share(m.Answered, m.NotFollowed), "share", m.Title, m.HeldAt,
                m.Answered >= m.NotFollowed, m.Evidence?.Href)).ToList(),
            known.Where(m => m.NotFollowed > 0 && m.Evidence is not null).Select(m => m.Evidence!).ToList());
    }

    /// <summary>
    /// Standard 4: every proposal received during co-creation gets a reasoned response. A plan is judged once adopted (the
    /// responses are due by then); proposals of a plan still being co-created are counted but not yet held against it.
    /// </summary>
    private static RequirementRow ProposalsAnswered(IReadOnlyList<PlanFacts> plans)
    {
        var received = plans.Sum(p => p.Received);
        var answered = plans.Sum(p => p.Answered);
        var judged = plans.Where(p => p.Adopted).ToList();
        var unanswered = judged.Where(p => p.Answered < p.Received).ToList();
        var status = unanswered.Count > 0 ? RequirementStatus.NotMet : judged.Count == 0 ? RequirementStatus.Pending : RequirementStatus.Met;
        var summary = plans.Count == 0 ? "The forum has no action plan on record yet."
            : $"{answered} of the {received} proposals received for {plans.Count} action plans have a reasoned response"
              + (received > 0 ? $" ({Percent(answered, received)})" : "")
              + (unanswered.Count > 0 ? $"; adopted with proposals unanswered: {string.Join(", ", unanswered.Select(p => $"{p.Title} ({p.Received - p.Answered})"))}."
                  : judged.Count == 0 ? "; no plan is adopted yet, so responses may still come." : ".");
        return new RequirementRow("standard-4-proposals", "Standard 4", "A reasoned response to each proposal received during co-creation", status, summary,
            [new Figure("answeredShare", received == 0 ? null : Share(answered, received), "share"), new Figure("received", received, "proposals"),
             new Figure("answered", answered, "proposals"), new Figure("unansweredInAdoptedPlans", unanswered.Sum(p => p.Received - p.Answered), "proposals")],
            plans.Select(p => new Figure("answeredShare", p.Received == 0 ? null : Share(p.Answered, p.Received), "share", p.Title, p.AdoptedAt,
                p.Adopted ? p.Answered >= p.Received : null, p.Evidence.Href)).ToList(),
            plans.Select(p => p.Evidence).ToList());
    }

    /// <summary>
    /// MR 5.1: meetings that review implementation, at least twice in each 12 months from the first commitment's adoption. A
    /// session reviews implementation when an agenda item is about a commitment adopted before it, or when progress on a
    /// commitment was reported or assessed while it sat.
    /// </summary>
    private static RequirementRow ImplementationMeetings(List<MeetingFacts> meetings, IReadOnlyList<CommitmentFacts> commitments, DateTimeOffset now)
    {
        var adopted = commitments.Where(c => c.AdoptedAt is not null).ToDictionary(c => c.Id, c => c.AdoptedAt!.Value);
        if (adopted.Count == 0)
            return new RequirementRow("mr-5.1", "MR 5.1", "The forum meets at least twice a year to review implementation", RequirementStatus.Pending,
                "No commitment is under implementation yet: the count starts when the first commitment is adopted.", [], [], []);
        var start = adopted.Values.Min();
        var progress = commitments.SelectMany(c => c.ProgressAt).ToList();
        bool Reviews(MeetingFacts m) => m.Kind == MeetingKind.Session && (
            m.LinkedCommitments.Any(id => adopted.TryGetValue(id, out var at) && at < m.HeldAt)
            || m.EndedAt is { } ended && progress.Any(at => at >= m.HeldAt && at <= ended));
        var reviewing = meetings.Where(m => m.HeldAt >= start && Reviews(m)).ToList();
        var withheld = meetings.Count(m => m.HeldAt >= start && m.Kind == MeetingKind.Session && !m.FiguresPublic);
        var periods = Periods(start, now, ImplementationMeetingsPerYear);
        var details = periods.Select(p =>
        {
            var inPeriod = reviewing.Where(m => Within(m.HeldAt, p, now)).ToList();
            return new Figure("implementationMeetings", inPeriod.Count, "meetings", $"{Day(p.Start)} – {Day(p.End)}", p.Start,
                p.Required == 0 ? null : inPeriod.Count >= p.Required, inPeriod.LastOrDefault(m => m.Evidence is not null)?.Evidence?.Href);
        }).ToList();
        var judged = details.Where(d => d.Met is not null).ToList();
        var short_ = judged.Where(d => d.Met == false).ToList();
        var status = short_.Count > 0 ? RequirementStatus.NotMet : judged.Count == 0 ? RequirementStatus.Pending : RequirementStatus.Met;
        var summary = $"{reviewing.Count} meetings reviewed implementation since the first commitment was adopted on {Day(start)}"
            + (judged.Count == 0 ? $"; implementation is younger than six months." : short_.Count > 0
                ? $"; fewer than {ImplementationMeetingsPerYear} in {string.Join(", ", short_.Select(d => $"{d.Subject} ({d.Value?.ToString("0", CultureInfo.InvariantCulture)})"))}."
                : $"; at least {ImplementationMeetingsPerYear} in each 12 months.")
            + (withheld > 0 ? $" {withheld} sessions wait for their minutes." : "");
        return new RequirementRow("mr-5.1", "MR 5.1", "The forum meets at least twice a year to review implementation", status, summary,
            [new Figure("implementationMeetings", reviewing.Count, "meetings"), new Figure("periodsShort", short_.Count, "periods"),
             new Figure("implementationSince", null, "date", Date: start), new Figure("meetingsAwaitingMinutes", withheld, "meetings")],
            details, reviewing.Where(m => m.Evidence is not null).Select(m => m.Evidence!).ToList());
    }

    private static RequirementRow Parity(string id, string title, IEnumerable<(MeetingFacts Meeting, IReadOnlyDictionary<StakeholderGroup, double>? Amounts)> source, string unit)
    {
        var rows = source.Where(s => s.Amounts is not null && s.Amounts.Values.Sum() > 0).Select(s => (s.Meeting, Amounts: s.Amounts!)).ToList();
        var details = rows.SelectMany(r =>
        {
            var balanced = Balanced(r.Amounts);
            return new[]
            {
                new Figure("governmentShare", ShareOf(r.Amounts, StakeholderGroup.Government), "share", r.Meeting.Title, r.Meeting.HeldAt, balanced, r.Meeting.Evidence?.Href),
                new Figure("civilSocietyShare", ShareOf(r.Amounts, StakeholderGroup.CivilSociety), "share", r.Meeting.Title, r.Meeting.HeldAt, balanced, r.Meeting.Evidence?.Href),
                new Figure("otherShare", ShareOf(r.Amounts, StakeholderGroup.Other), "share", r.Meeting.Title, r.Meeting.HeldAt, balanced, r.Meeting.Evidence?.Href),
            };
        }).ToList();
        var total = Enum.GetValues<StakeholderGroup>().ToDictionary(g => g, g => rows.Sum(r => r.Amounts.GetValueOrDefault(g)));
        if (rows.Count == 0)
            return new RequirementRow(id, "Parity", title, RequirementStatus.Pending, "No meeting with these figures on the public record yet.", [], [], []);
        var gov = ShareOf(total, StakeholderGroup.Government);
        var cso = ShareOf(total, StakeholderGroup.CivilSociety);
        var met = Balanced(total);
        var summary = $"Overall, government {Pct(gov)} and civil society {Pct(cso)} of {total.Values.Sum().ToString("0", CultureInfo.InvariantCulture)} {unit} in {rows.Count} meetings; "
            + (met ? "balanced" : "not balanced") + $" (the smaller share is to be at least {Pct(ParityRatio)} of the larger); "
            + $"{details.Where(d => d.Name == "governmentShare").Count(d => d.Met == false)} meetings were not balanced.";
        return new RequirementRow(id, "Parity", title, met ? RequirementStatus.Met : RequirementStatus.NotMet, summary,
            [new Figure("governmentShare", gov, "share"), new Figure("civilSocietyShare", cso, "share"), new Figure("otherShare", ShareOf(total, StakeholderGroup.Other), "share"),
             new Figure("total", Math.Round(total.Values.Sum(), 1), unit)],
            details, rows.Where(r => r.Meeting.Evidence is not null).Select(r => r.Meeting.Evidence!).ToList());
    }

    private static bool Balanced(IReadOnlyDictionary<StakeholderGroup, double> amounts)
    {
        var gov = amounts.GetValueOrDefault(StakeholderGroup.Government);
        var cso = amounts.GetValueOrDefault(StakeholderGroup.CivilSociety);
        return gov > 0 && cso > 0 && Math.Min(gov, cso) / Math.Max(gov, cso) >= ParityRatio;
    }

    private static RequirementRow MinutesTimely(List<MeetingFacts> meetings, DateTimeOffset now)
    {
        var details = meetings.Select(m =>
        {
            if (m.MinutesPublishedAt is { } published)
                return new Figure("daysToMinutes", Days(published - m.HeldAt), "days", m.Title, m.HeldAt, (published - m.HeldAt).TotalDays <= MinutesWithinDays, m.Evidence?.Href);
            if (m.HasMinutes) return new Figure("minutesPublishedOnUnknown", null, "days", m.Title, m.HeldAt, null, m.Evidence?.Href);
            var waiting = (now - m.HeldAt).TotalDays;
            // A past meeting without its minutes file never gets them here; a session's minutes may still come.
            return new Figure("daysWithoutMinutes", Days(now - m.HeldAt), "days", m.Title, m.HeldAt,
                m.Kind == MeetingKind.PastMeeting || waiting > MinutesWithinDays ? false : null, m.Evidence?.Href);
        }).ToList();
        var late = details.Where(d => d.Met == false).ToList();
        var measured = details.Where(d => d.Name == "daysToMinutes").ToList();
        var status = late.Count > 0 ? RequirementStatus.NotMet : measured.Count == 0 || details.Any(d => d.Met is null && d.Name == "daysWithoutMinutes")
            ? RequirementStatus.Pending : RequirementStatus.Met;
        var summary = meetings.Count == 0 ? "No meeting held yet."
            : $"{measured.Count(d => d.Met == true)} of {meetings.Count} meetings had their minutes public within {MinutesWithinDays} days"
              + (measured.Count > 0 ? $" (median {Median(measured.Select(d => d.Value!.Value)).ToString("0", CultureInfo.InvariantCulture)} days)" : "")
              + (late.Count > 0 ? $"; late or missing: {string.Join(", ", late.Select(d => $"{d.Subject} ({Day(d.Date!.Value)})"))}." : ".");
        return new RequirementRow("minutes-timely", "Standard 2", $"Minutes public within {MinutesWithinDays} days of each meeting", status, summary,
            [new Figure("medianDaysToMinutes", measured.Count > 0 ? Median(measured.Select(d => d.Value!.Value)) : null, "days"),
             new Figure("meetingsLate", late.Count, "meetings")],
            details, meetings.Where(m => m.HasMinutes && m.Evidence is not null).Select(m => m.Evidence!).ToList());
    }

    private static double ShareOf(IReadOnlyDictionary<StakeholderGroup, double> amounts, StakeholderGroup group)
    {
        var total = amounts.Values.Sum();
        return total == 0 ? 0 : Math.Round(amounts.GetValueOrDefault(group) / total, 3);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 3);
    private static string Percent(int part, int whole) => Pct(Share(part, whole));
    private static string Pct(double share) => share.ToString("P0", CultureInfo.InvariantCulture);
    private static double Days(TimeSpan span) => Math.Round(span.TotalDays, 1);
    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
