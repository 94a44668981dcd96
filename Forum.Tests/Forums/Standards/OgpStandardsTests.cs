using Forum.Domain.Forums;
using Forum.Domain.Forums.Standards;

namespace Forum.Tests.Forums.Standards;

/// <summary>The OGP standards report as a pure function of a forum's public record and today, over two years of meetings.</summary>
public class OgpStandardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly EvidenceLink Page = new("page", "/api/forums/f/public");

    private static MeetingFacts Session(DateTimeOffset at, int gov = 3, int cso = 3, int other = 0, double govSeconds = 0, double csoSeconds = 0,
        int notFollowed = 0, int answered = 0, DateTimeOffset? published = null, string? title = null)
    {
        var isPublished = published is not null;
        return new MeetingFacts(Guid.NewGuid(), MeetingKind.Session, title ?? $"Session {at:yyyy-MM}", at, isPublished,
            isPublished ? Groups(gov, cso, other) : new Dictionary<StakeholderGroup, int>(),
            isPublished ? new Dictionary<StakeholderGroup, double> { [StakeholderGroup.Government] = govSeconds, [StakeholderGroup.CivilSociety] = csoSeconds } : null,
            isPublished ? notFollowed : 0, isPublished ? answered : 0, isPublished, published,
            isPublished ? new EvidenceLink("minutes", $"/api/minutes/{at:yyyyMM}.pdf") : null);
    }

    private static MeetingFacts Past(DateTimeOffset at, int gov = 3, int cso = 3, bool file = true, DateTimeOffset? published = null, string? title = null) =>
        new(Guid.NewGuid(), MeetingKind.PastMeeting, title ?? $"Past meeting {at:yyyy-MM}", at, true, Groups(gov, cso, 0), null, 0, 0, file, published,
            new EvidenceLink("file", $"/api/forums/f/past-meetings/{at:yyyyMM}/minutes"));

    private static Dictionary<StakeholderGroup, int> Groups(int gov, int cso, int other) =>
        new() { [StakeholderGroup.Government] = gov, [StakeholderGroup.CivilSociety] = cso, [StakeholderGroup.Other] = other };

    private static ForumFacts Forum(DateTimeOffset established, IEnumerable<MeetingFacts> meetings, DateTimeOffset? rulesSet = null,
        IEnumerable<RepositoryUpdate>? updates = null) =>
        new(Guid.NewGuid(), "Forum", established, rulesSet ?? established.AddDays(1), meetings.ToList(), (updates ?? []).ToList(), Page);

    private static RequirementRow Row(OgpReport report, string id) => report.Rows.Single(r => r.Id == id);
    private static double Figure(RequirementRow row, string name) => row.Figures.Single(f => f.Name == name).Value!.Value;

    /// <summary>Meetings every <paramref name="months"/> months from two years ago: two past meetings, then sessions.</summary>
    private static List<MeetingFacts> Every(int months, DateTimeOffset start, int count) =>
        Enumerable.Range(0, count).Select(i => i < 2 ? Past(start.AddMonths(i * months)) : Session(start.AddMonths(i * months), published: start.AddMonths(i * months).AddDays(7)))
            .ToList();

    [Fact]
    public void Given_meetings_five_months_apart_over_two_years_When_reported_Then_MR_1_1_met()
    {
        var start = Now.AddMonths(-24);
        var report = OgpStandards.Report(Forum(start, Every(5, start, 5)), Now);
        var row = Row(report, "mr-1.1-meetings");
        row.Status.ShouldBe(RequirementStatus.Met);
        Figure(row, "meetingsHeld").ShouldBe(5);
        // Founding, five meetings, today: six gaps, the last one four months up to today.
        row.Details.Count.ShouldBe(6);
        Figure(row, "longestGapDays").ShouldBeInRange(150, 154);
        row.Details[^1].Subject.ShouldEndWith("→ today");
        row.Details[^1].Value!.Value.ShouldBeInRange(119, 124);
    }

    [Fact]
    public void Given_meetings_seven_months_apart_When_reported_Then_MR_1_1_not_met_naming_each_long_gap()
    {
        var start = Now.AddMonths(-22);
        var report = OgpStandards.Report(Forum(start, Every(7, start, 4)), Now);
        var row = Row(report, "mr-1.1-meetings");
        row.Status.ShouldBe(RequirementStatus.NotMet);
        Figure(row, "longestGapDays").ShouldBeInRange(211, 215);
        row.Details.Count(d => d.Met == false).ShouldBe(3);
        row.Details.First().Met.ShouldBe(true);
        row.Summary.ShouldContain("3 gaps are longer");
    }

    [Fact]
    public void Given_the_last_meeting_seven_months_ago_When_reported_Then_the_gap_up_to_today_fails_MR_1_1()
    {
        var start = Now.AddMonths(-19);
        var report = OgpStandards.Report(Forum(start, Every(6, start, 3)), Now);
        var row = Row(report, "mr-1.1-meetings");
        row.Status.ShouldBe(RequirementStatus.NotMet);
        row.Details.Single(d => d.Met == false).Subject.ShouldEndWith("→ today");
    }

    [Fact]
    public void Given_a_forum_established_long_before_its_first_meeting_When_reported_Then_the_gap_from_founding_fails()
    {
        var established = Now.AddMonths(-12);
        var report = OgpStandards.Report(Forum(established, [Session(Now.AddMonths(-4), published: Now.AddMonths(-4).AddDays(3))]), Now);
        var row = Row(report, "mr-1.1-meetings");
        row.Status.ShouldBe(RequirementStatus.NotMet);
        row.Details[0].Subject.ShouldStartWith("founding →");
        row.Details[0].Met.ShouldBe(false);
    }

    [Fact]
    public void Given_past_meetings_before_the_forum_used_Forum_When_reported_Then_the_record_starts_at_the_first_of_them()
    {
        var first = Now.AddMonths(-30);
        var report = OgpStandards.Report(Forum(Now.AddMonths(-2), [Past(first), Past(first.AddMonths(5)), Past(first.AddMonths(10)), Past(first.AddMonths(15)),
            Past(first.AddMonths(20)), Past(first.AddMonths(25))]), Now);
        report.FoundedAt.ShouldBe(first);
        Row(report, "mr-1.1-meetings").Status.ShouldBe(RequirementStatus.Met);
        // Past meetings say nothing of commitments: MR 5.1 waits for an adopted one.
        Row(report, "mr-5.1").Status.ShouldBe(RequirementStatus.Pending);
    }

    [Fact]
    public void Given_a_meeting_without_civil_society_When_reported_Then_both_groups_not_met_naming_it()
    {
        var report = OgpStandards.Report(Forum(Now.AddMonths(-6), [Past(Now.AddMonths(-5), gov: 4, cso: 2), Past(Now.AddMonths(-1), gov: 5, cso: 0, title: "Budget hearing")]), Now);
        var row = Row(report, "mr-1.1-both-groups");
        row.Status.ShouldBe(RequirementStatus.NotMet);
        row.Summary.ShouldContain("Budget hearing");
        Figure(row, "meetingsWithBoth").ShouldBe(1);
    }

    [Fact]
    public void Given_a_session_whose_minutes_are_not_published_When_reported_Then_its_date_counts_and_its_figures_are_withheld()
    {
        var report = OgpStandards.Report(Forum(Now.AddMonths(-3), [Past(Now.AddMonths(-2)), Session(Now.AddDays(-3), gov: 9, cso: 0)]), Now);
        Figure(Row(report, "mr-1.1-meetings"), "meetingsHeld").ShouldBe(2);
        var both = Row(report, "mr-1.1-both-groups");
        both.Status.ShouldBe(RequirementStatus.Pending);
        both.Details.Single(d => d.Date == Now.AddDays(-3)).Name.ShouldBe("minutesNotYetPublished");
        Row(report, "minutes-timely").Details.Single(d => d.Date == Now.AddDays(-3)).Met.ShouldBeNull();
    }

    [Fact]
    public void Given_rules_never_set_When_reported_Then_rules_public_not_met()
    {
        var facts = Forum(Now.AddMonths(-3), [Past(Now.AddMonths(-2))]) with { RulesSetAt = null };
        Row(OgpStandards.Report(facts, Now), "mr-1.1-rules").Status.ShouldBe(RequirementStatus.NotMet);
        Row(OgpStandards.Report(facts with { RulesSetAt = Now.AddMonths(-1) }, Now), "mr-1.1-rules").Status.ShouldBe(RequirementStatus.Met);
    }

    [Fact]
    public void Given_two_updates_in_each_of_two_years_When_reported_Then_MR_2_2_met_and_one_day_of_many_updates_counts_once()
    {
        var start = Now.AddMonths(-24);
        RepositoryUpdate U(DateTimeOffset at) => new(at, "minutes", null);
        var met = OgpStandards.Report(Forum(start, [], updates: [U(Now.AddMonths(-20)), U(Now.AddMonths(-14)), U(Now.AddMonths(-8)), U(Now.AddMonths(-2))]), Now);
        Row(met, "mr-2.2").Status.ShouldBe(RequirementStatus.Met);
        Row(met, "mr-2.2").Details.Select(d => d.Value).ShouldBe([2.0, 2.0]);

        // Ten records put up on one day of the second year are one update: that year falls short.
        var bulk = OgpStandards.Report(Forum(start, [], updates: [U(Now.AddMonths(-20)), U(Now.AddMonths(-14)), .. Enumerable.Range(0, 10).Select(i => U(Now.AddMonths(-3).AddMinutes(i)))]), Now);
        var row = Row(bulk, "mr-2.2");
        row.Status.ShouldBe(RequirementStatus.NotMet);
        row.Details[0].Value.ShouldBe(1);
        row.Details[0].Met.ShouldBe(false);
        Figure(row, "periodsShort").ShouldBe(1);
    }

    [Fact]
    public void Given_a_forum_younger_than_six_months_When_reported_Then_MR_2_2_pending()
    {
        var report = OgpStandards.Report(Forum(Now.AddMonths(-4), []), Now);
        Row(report, "mr-2.2").Status.ShouldBe(RequirementStatus.Pending);
    }

    [Fact]
    public void Given_decisions_that_answered_three_of_four_When_reported_Then_Standard_4_not_met_with_the_share()
    {
        var report = OgpStandards.Report(Forum(Now.AddMonths(-6), [
            Session(Now.AddMonths(-5), notFollowed: 2, answered: 2, published: Now.AddMonths(-5).AddDays(5)),
            Session(Now.AddMonths(-1), notFollowed: 2, answered: 1, published: Now.AddMonths(-1).AddDays(5)),
        ]), Now);
        var row = Row(report, "standard-4-objections");
        row.Status.ShouldBe(RequirementStatus.NotMet);
        Figure(row, "answeredShare").ShouldBe(0.75);
        row.Details.Select(d => d.Met).ShouldBe([true, false]);
        Row(report, "standard-4-proposals").Status.ShouldBe(RequirementStatus.Pending);
    }

    [Fact]
    public void Given_sessions_with_known_attendance_and_floor_time_When_reported_Then_parity_is_the_real_shares_per_session_and_overall()
    {
        var report = OgpStandards.Report(Forum(Now.AddMonths(-6), [
            Session(Now.AddMonths(-5), gov: 3, cso: 2, govSeconds: 120, csoSeconds: 60, published: Now.AddMonths(-5).AddDays(5)),
            Session(Now.AddMonths(-2), gov: 2, cso: 2, other: 1, govSeconds: 90, csoSeconds: 90, published: Now.AddMonths(-2).AddDays(5)),
        ]), Now);
        var attendance = Row(report, "parity-attendance");
        Figure(attendance, "governmentShare").ShouldBe(0.5);
        Figure(attendance, "civilSocietyShare").ShouldBe(0.4);
        Figure(attendance, "otherShare").ShouldBe(0.1);
        attendance.Status.ShouldBe(RequirementStatus.Met);
        attendance.Details.Where(d => d.Name == "governmentShare").Select(d => d.Value).ShouldBe([0.6, 0.4]);
        attendance.Details.Where(d => d.Name == "governmentShare").Select(d => d.Met).ShouldBe([false, true]);

        var speaking = Row(report, "parity-speaking");
        Figure(speaking, "governmentShare").ShouldBe(0.583);
        Figure(speaking, "civilSocietyShare").ShouldBe(0.417);
        Figure(speaking, "total").ShouldBe(360);
        speaking.Status.ShouldBe(RequirementStatus.NotMet);
    }

    [Fact]
    public void Given_minutes_published_after_10_and_45_days_and_one_missing_When_reported_Then_each_is_judged_by_30_days()
    {
        var report = OgpStandards.Report(Forum(Now.AddMonths(-6), [
            Session(Now.AddDays(-150), published: Now.AddDays(-140)),
            Session(Now.AddDays(-100), published: Now.AddDays(-55)),
            Session(Now.AddDays(-40)),
            Past(Now.AddDays(-170), file: false),
        ]), Now);
        var row = Row(report, "minutes-timely");
        row.Status.ShouldBe(RequirementStatus.NotMet);
        row.Details.Select(d => (d.Name, d.Value, d.Met)).ShouldBe([
            ("daysWithoutMinutes", 170, false), ("daysToMinutes", 10, true), ("daysToMinutes", 45, false), ("daysWithoutMinutes", 40, false)]);
        Figure(row, "medianDaysToMinutes").ShouldBe(27.5);
    }

    [Fact]
    public void Given_no_meeting_yet_When_reported_Then_nothing_is_claimed()
    {
        var report = OgpStandards.Report(Forum(Now.AddMonths(-1), []), Now);
        Row(report, "mr-1.1-meetings").Status.ShouldBe(RequirementStatus.Met);
        Row(report, "mr-1.1-both-groups").Status.ShouldBe(RequirementStatus.Pending);
        Row(report, "parity-attendance").Status.ShouldBe(RequirementStatus.Pending);
        Row(report, "mr-5.1").Status.ShouldBe(RequirementStatus.Pending);
        report.Rows.Select(r => r.Id).ShouldBe(["mr-1.1-meetings", "mr-1.1-both-groups", "mr-1.1-rules", "mr-2.2", "standard-4-objections",
            "standard-4-proposals", "mr-5.1", "parity-attendance", "parity-speaking", "minutes-timely"]);
    }

    private static PlanFacts Plan(string title, bool adopted, int received, int answered) =>
        new(Guid.NewGuid(), title, adopted, adopted ? Now.AddMonths(-10) : null, received, answered, new EvidenceLink("proposals", $"/api/action-plans/{title}/proposals"));

    [Fact]
    public void Given_an_adopted_plan_with_a_proposal_unanswered_When_reported_Then_Standard_4_proposals_not_met_naming_it()
    {
        var facts = Forum(Now.AddMonths(-24), []) with { ActionPlans = [Plan("NAP 2025–2027", true, 4, 3), Plan("NAP 2027–2029", false, 2, 0)] };
        var row = Row(OgpStandards.Report(facts, Now), "standard-4-proposals");
        row.Status.ShouldBe(RequirementStatus.NotMet);
        Figure(row, "received").ShouldBe(6);
        Figure(row, "answered").ShouldBe(3);
        Figure(row, "answeredShare").ShouldBe(0.5);
        Figure(row, "unansweredInAdoptedPlans").ShouldBe(1);
        // The plan still being co-created is counted, not yet judged.
        row.Details.Select(d => (d.Subject, d.Met)).ShouldBe([("NAP 2025–2027", (bool?)false), ("NAP 2027–2029", null)]);
        row.Summary.ShouldContain("NAP 2025–2027 (1)");
    }

    [Fact]
    public void Given_every_proposal_of_the_adopted_plans_answered_When_reported_Then_Standard_4_proposals_met_and_without_a_plan_pending()
    {
        var facts = Forum(Now.AddMonths(-24), []) with { ActionPlans = [Plan("NAP 1", true, 5, 5), Plan("NAP 2", true, 2, 2), Plan("NAP 3", false, 3, 1)] };
        var row = Row(OgpStandards.Report(facts, Now), "standard-4-proposals");
        row.Status.ShouldBe(RequirementStatus.Met);
        Figure(row, "answeredShare").ShouldBe(0.8);
        Row(OgpStandards.Report(facts with { ActionPlans = [Plan("NAP 3", false, 3, 1)] }, Now), "standard-4-proposals").Status.ShouldBe(RequirementStatus.Pending);
        Row(OgpStandards.Report(facts with { ActionPlans = [] }, Now), "standard-4-proposals").Status.ShouldBe(RequirementStatus.Pending);
    }

    private static MeetingFacts Reviewing(DateTimeOffset at, params Guid[] commitments) =>
        Session(at, published: at.AddDays(7)) with { EndedAt = at.AddHours(2), LinkedCommitments = commitments };

    [Fact]
    public void Given_two_years_of_implementation_with_two_reviewing_meetings_in_each_When_reported_Then_MR_5_1_met()
    {
        var c = Guid.NewGuid();
        var adopted = Now.AddMonths(-24);
        var progressDuring = Now.AddMonths(-3).AddHours(1);
        var facts = Forum(Now.AddMonths(-30), [
            Reviewing(Now.AddMonths(-20), c), Reviewing(Now.AddMonths(-14), c),
            Reviewing(Now.AddMonths(-9), c),
            // No item about the commitment, but its progress was reported while the forum sat.
            Reviewing(Now.AddMonths(-3)),
            // A session on something else, and one before the commitment was adopted: neither reviews implementation.
            Reviewing(Now.AddMonths(-6)), Reviewing(Now.AddMonths(-25), c),
        ]) with { Commitments = [new CommitmentFacts(c, "Open contracting", adopted, [progressDuring, Now.AddMonths(-1)])] };
        var row = Row(OgpStandards.Report(facts, Now), "mr-5.1");
        row.Status.ShouldBe(RequirementStatus.Met);
        Figure(row, "implementationMeetings").ShouldBe(4);
        row.Details.Select(d => (d.Value, d.Met)).ShouldBe([(2.0, (bool?)true), (2.0, true)]);
    }

    [Fact]
    public void Given_a_year_with_one_reviewing_meeting_When_reported_Then_MR_5_1_not_met_for_that_year()
    {
        var c = Guid.NewGuid();
        var facts = Forum(Now.AddMonths(-30), [
            Reviewing(Now.AddMonths(-20), c), Reviewing(Now.AddMonths(-14), c), Reviewing(Now.AddMonths(-5), c),
            // Linked to the commitment, adopted in this very meeting: co-creation, not yet implementation.
            Reviewing(Now.AddMonths(-2), Guid.Empty),
        ]) with { Commitments = [new CommitmentFacts(c, "Open contracting", Now.AddMonths(-24), []), new CommitmentFacts(Guid.Empty, "Later", Now.AddMonths(-2).AddHours(1), [])] };
        var row = Row(OgpStandards.Report(facts, Now), "mr-5.1");
        row.Status.ShouldBe(RequirementStatus.NotMet);
        Figure(row, "implementationMeetings").ShouldBe(3);
        Figure(row, "periodsShort").ShouldBe(1);
        row.Details.Select(d => (d.Value, d.Met)).ShouldBe([(1.0, (bool?)false), (2.0, true)]);
        row.Summary.ShouldContain("fewer than 2");
    }

    [Fact]
    public void Given_implementation_younger_than_six_months_When_reported_Then_MR_5_1_pending()
    {
        var c = Guid.NewGuid();
        var facts = Forum(Now.AddMonths(-12), [Reviewing(Now.AddMonths(-1), c)]) with { Commitments = [new CommitmentFacts(c, "C", Now.AddMonths(-4), [])] };
        var row = Row(OgpStandards.Report(facts, Now), "mr-5.1");
        row.Status.ShouldBe(RequirementStatus.Pending);
        Figure(row, "implementationMeetings").ShouldBe(1);
    }
}
