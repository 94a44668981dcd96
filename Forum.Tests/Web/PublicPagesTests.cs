using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Forum.Domain.ActionPlans;
using Forum.Domain.Forums;
using Forum.Domain.Forums.PastMeetings;
using Forum.Domain.Minutes;
using Forum.Domain.Sessions;
using Forum.Host.Localisation;
using Forum.Host.Minutes;
using Forum.Host.Minutes.Drafting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

/// <summary>
/// The forum in public (ADR 0018), in Chromium: the list of forums and a forum's page without signing in, the secretariat's
/// past-meeting form, the OGP standards report with its charts, and a member scrubbing a session's replay.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PublicPagesTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    private static readonly Guid By = Guid.Parse("0193f000-0000-7000-8000-0000000000ee");
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private const string SecretariatEmail = "secretariat@public.test";

    private sealed record History(Guid ForumId, Guid[] Gov, Guid[] Cso, Guid[] Other);

    /// <summary>A forum with a past: members, rules set, held when it was, as the endpoints would have appended it.</summary>
    private async Task<History> ArrangeForum(string name, DateTimeOffset established)
    {
        var id = Guid.CreateVersion7();
        var events = new List<object>
        {
            new ForumEstablished(id, name, "Moldova", "en", "Government and civil society co-create the national action plan.", By, established),
            new SecretariatAssigned(id, SecretariatEmail, By, established),
        };
        Guid[] Admit(StakeholderGroup group, params (string Name, string Organisation)[] people) => people.Select((p, i) =>
        {
            var memberId = Guid.CreateVersion7();
            events.Add(new MemberAdmitted(id, memberId, p.Name, $"{group}{i}.{id:N}@member.test".ToLowerInvariant(), p.Organisation, group, MemberRole.Member, By, established.AddMinutes(i + 1)));
            return memberId;
        }).ToArray();
        var gov = Admit(StakeholderGroup.Government, ("Olena Koval", "Ministry of Justice"), ("Petru Lungu", "State Chancellery"));
        var cso = Admit(StakeholderGroup.CivilSociety, ("Ion Rusu", "Open Data Moldova"), ("Ana Ciobanu", "Transparency Watch"));
        var other = Admit(StakeholderGroup.Other, ("Maria Popa", "State University"));
        events.Add(new ForumRulesSet(id, 0.6, true, true, 0.67, By, established.AddDays(2)));
        await using var session = Fixture.Store.LightweightSession();
        session.Events.StartStream<ForumState>(id, events);
        await session.SaveChangesAsync();
        return new History(id, gov, cso, other);
    }

    /// <summary>A held session: who checked in by group, floor time by group, its minutes published a week later when asked.</summary>
    private async Task<Guid> ArrangeSession(History f, DateTimeOffset held, string title, int gov, int cso, double govSeconds, double csoSeconds, bool publish = true)
    {
        var sessionId = Guid.CreateVersion7();
        var item = Guid.CreateVersion7();
        var events = new List<object>
        {
            new SessionScheduled(sessionId, f.ForumId, title, held, held.AddHours(2), SessionMode.Hybrid, "Chișinău, Hall 7", "https://meet.test/secret-room", "en", By, held.AddDays(-10)),
            new AgendaItemAdded(sessionId, item, "Commitment 2: open contracting", "", ItemKind.Decision, "Ministry", 30, By, held.AddDays(-9)),
            new SessionOpened(sessionId, new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 2, [StakeholderGroup.CivilSociety] = 2, [StakeholderGroup.Other] = 1 },
                ForumRules.Default, [], By, held),
        };
        var t = held;
        events.AddRange(f.Gov.Take(gov).Select(m => new ParticipantCheckedIn(sessionId, m, "", StakeholderGroup.Government, MemberRole.Member, Presence.InRoom, null, t = t.AddMinutes(1))));
        events.AddRange(f.Cso.Take(cso).Select(m => new ParticipantCheckedIn(sessionId, m, "", StakeholderGroup.CivilSociety, MemberRole.Member, Presence.InRoom, null, t = t.AddMinutes(1))));
        events.AddRange([new FloorGiven(sessionId, f.Gov[0], By, t), new FloorYielded(sessionId, f.Gov[0], govSeconds, t = t.AddSeconds(govSeconds))]);
        if (cso > 0) events.AddRange([new FloorGiven(sessionId, f.Cso[0], By, t), new FloorYielded(sessionId, f.Cso[0], csoSeconds, t = t.AddSeconds(csoSeconds))]);
        events.Add(new SessionClosed(sessionId, By, t.AddMinutes(5)));
        await using var session = Fixture.Store.LightweightSession();
        session.Events.StartStream<SessionState>(sessionId, events);
        if (publish)
        {
            var minutesId = MinutesDecider.IdFor(sessionId);
            session.Events.StartStream<MinutesState>(minutesId,
                new MinutesDrafted(minutesId, sessionId, f.ForumId, title, held, events.Count, "events-sha", "en", "# Minutes", t.AddMinutes(6)),
                new MinutesPublished(minutesId, "document-sha-" + title.Length, "signature", "key", events.Count, "events-sha", By, held.AddDays(7)));
        }
        await session.SaveChangesAsync();
        return sessionId;
    }

    private async Task ArrangePastMeeting(History f, DateTimeOffset held, string title, int gov, int cso)
    {
        await using var session = Fixture.Store.LightweightSession();
        session.Events.Append(f.ForumId, new PastMeetingRecorded(f.ForumId, Guid.CreateVersion7(), DateOnly.FromDateTime(held.UtcDateTime), title,
            new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = gov, [StakeholderGroup.CivilSociety] = cso, [StakeholderGroup.Other] = 0 },
            null, null, By, _now.AddDays(-1)));
        await session.SaveChangesAsync();
    }

    private async Task<Guid> ArrangeActionPlan(History f, string title, DateTimeOffset opened)
    {
        var planId = Guid.CreateVersion7();
        var day = DateOnly.FromDateTime(opened.UtcDateTime);
        await using var session = Fixture.Store.LightweightSession();
        session.Events.StartStream<ActionPlanState>(planId, new ActionPlanOpened(planId, f.ForumId, title, day, day.AddYears(2), day.AddDays(30), By, opened));
        var proposalId = Guid.CreateVersion7();
        session.Events.StartStream<ProposalState>(proposalId,
            new ProposalSubmitted(proposalId, planId, f.ForumId, "Open the register", "Problem", "Solution", null, By, null, opened.AddDays(1)),
            new ProposalAnswered(proposalId, planId, ProposalOutcome.NotAdopted, "Out of scope.", null, By, opened.AddDays(5)));
        await session.SaveChangesAsync();
        return planId;
    }

    /// <summary>The first request to an endpoint compiles its handler (dynamic code generation in tests): a page's first answer may take seconds.</summary>
    private static readonly LocatorAssertionsToContainTextOptions FirstLoad = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveCountOptions FirstCount = new() { Timeout = 30_000 };

    private static async Task NoHorizontalOverflow(IPage page) =>
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the page scrolls sideways on a phone");

    [Fact]
    public async Task Anyone_finds_a_forum_in_the_list_and_reads_its_public_page_and_the_secretariat_records_a_past_meeting_with_its_file()
    {
        var f = await ArrangeForum("Open Government Forum of Moldova", _now.AddMonths(-14));
        await ArrangeSession(f, _now.AddMonths(-7), "Spring plenary", gov: 2, cso: 2, govSeconds: 300, csoSeconds: 240);
        await ArrangePastMeeting(f, _now.AddMonths(-13), "Founding meeting", gov: 4, cso: 3);
        var planId = await ArrangeActionPlan(f, "National Action Plan 2026–2028", _now.AddMonths(-2));
        await using (var session = Fixture.Store.LightweightSession())
        {
            var coming = Guid.CreateVersion7();
            session.Events.StartStream<SessionState>(coming, new SessionScheduled(coming, f.ForumId, "Autumn plenary", _now.AddDays(20), _now.AddDays(20).AddHours(2),
                SessionMode.Online, "", "https://meet.test/secret-room", "en", By, _now));
            await session.SaveChangesAsync();
        }

        var visitor = await NewPage(phone: true);
        await visitor.GotoAsync("/forums");
        var entry = visitor.Locator($"li.forum-entry[data-forum='{f.ForumId}']");
        await Expect(entry).ToContainTextAsync("Government: 2 · Civil society: 2 · Other: 1", FirstLoad);
        await entry.GetByRole(AriaRole.Link, new() { Name = "Open Government Forum of Moldova" }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex($"/forums/{f.ForumId}/public$"));
        await Expect(visitor.Locator("#forum-name")).ToContainTextAsync("Open Government Forum of Moldova", FirstLoad);
        await Expect(visitor.Locator("#forum-description")).ToHaveTextAsync("Government and civil society co-create the national action plan.");
        await Expect(visitor.Locator("#rule-quorum")).ToHaveTextAsync("60%");
        await Expect(visitor.Locator("#rule-decision")).ToHaveTextAsync("Consensus; failing that, a vote carried by 67% of votes cast");
        await Expect(visitor.Locator("#rules-set")).ToContainTextAsync("The forum set these rules on");
        await Expect(visitor.Locator("#members [data-group=Government]")).ToContainTextAsync("Olena Koval Ministry of Justice");
        await Expect(visitor.Locator("#members [data-group=CivilSociety] li.member")).ToHaveCountAsync(2);
        await Expect(visitor.Locator("#coming")).ToContainTextAsync("Autumn plenary");
        await Expect(visitor.Locator("#past")).ToContainTextAsync("Spring plenary");
        await Expect(visitor.Locator("#minutes")).ToContainTextAsync("Spring plenary");
        await Expect(visitor.Locator("#past-meetings")).ToContainTextAsync("Founding meeting");
        await Expect(visitor.Locator("#past-meetings")).ToContainTextAsync("Government: 4 · Civil society: 3 · Other: 0");
        var plan = visitor.Locator($"li.plan-entry[data-plan='{planId}']");
        await Expect(plan).ToContainTextAsync("proposals answered: 1 of 1");
        await Expect(plan.GetByRole(AriaRole.Link, new() { Name = "National Action Plan 2026–2028" })).ToHaveAttributeAsync("href", $"/action-plans/{planId}");
        // Public: no address, no online link, no venue; no form to record anything.
        var text = await visitor.Locator("main").InnerTextAsync();
        text.ShouldNotContain("@");
        text.ShouldNotContain("secret-room");
        text.ShouldNotContain("Hall 7");
        await Expect(visitor.Locator("#record-card")).ToBeHiddenAsync();
        await NoHorizontalOverflow(visitor);
        await Screenshot(visitor, "public-forum-phone");

        // The secretariat, in Ukrainian: a date in the future is refused with the rule in the page's language.
        var secretariat = await SignedIn(SecretariatEmail, $"/forums/{f.ForumId}/public?lang=uk");
        await Expect(secretariat.Locator("#record-card")).ToBeVisibleAsync();
        await secretariat.Locator("#pm-held").FillAsync(_now.AddDays(10).ToString("yyyy-MM-dd"));
        await secretariat.Locator("#pm-title").FillAsync("Засідання робочої групи");
        await secretariat.Locator("#record-button").ClickAsync();
        await Expect(secretariat.Locator("#record-alert")).ToHaveTextAsync(Strings.Files["uk"]["problems.past-meeting-in-future.detail"], new() { Timeout = 30_000 });

        var bytes = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n% minutes of the working group\n%%EOF\n");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await secretariat.Locator("#pm-held").FillAsync(_now.AddMonths(-10).ToString("yyyy-MM-dd"));
        await secretariat.Locator("#pm-gov").FillAsync("3");
        await secretariat.Locator("#pm-cso").FillAsync("2");
        await secretariat.Locator("#pm-file").SetInputFilesAsync(new FilePayload { Name = "protokol.pdf", MimeType = "application/pdf", Buffer = bytes });
        await secretariat.Locator("#record-button").ClickAsync();
        await Expect(secretariat.Locator("#record-note")).ToHaveTextAsync($"Засідання записано з протоколом protokol.pdf, SHA-256 {sha}.");
        var recorded = secretariat.Locator("li.past-meeting", new() { HasText = "Засідання робочої групи" });
        await Expect(recorded.Locator("code")).ToHaveTextAsync(sha);
        await Expect(recorded).ToContainTextAsync("Уряд: 3 · Громадянське суспільство: 2 · Інші: 0");
        await Screenshot(secretariat, "public-forum-past-meeting-recorded");
    }

    [Fact]
    public async Task The_OGP_report_page_shows_each_requirement_the_gaps_against_the_six_month_limit_and_parity_per_session()
    {
        var f = await ArrangeForum("Forum of the report", _now.AddMonths(-26));
        // Seven months between the two past meetings: the one gap over the limit. Then sessions five months apart.
        await ArrangePastMeeting(f, _now.AddMonths(-25), "First meeting", gov: 3, cso: 3);
        await ArrangePastMeeting(f, _now.AddMonths(-18), "Second meeting", gov: 3, cso: 2);
        await ArrangeSession(f, _now.AddMonths(-13), "Winter plenary", gov: 2, cso: 2, govSeconds: 300, csoSeconds: 300);
        await ArrangeSession(f, _now.AddMonths(-8), "Spring plenary", gov: 2, cso: 1, govSeconds: 450, csoSeconds: 150);
        await ArrangeSession(f, _now.AddMonths(-3), "Summer plenary", gov: 1, cso: 2, govSeconds: 100, csoSeconds: 300);

        var page = await NewPage();
        await page.GotoAsync($"/forums/{f.ForumId}/ogp-report");
        var rows = page.Locator("#requirements tbody tr");
        await Expect(rows).ToHaveCountAsync(10, FirstCount);
        var gaps = page.Locator("tr[data-row='mr-1.1-meetings']");
        await Expect(gaps.Locator("[data-status]").First).ToHaveTextAsync("✗ not met");
        await Expect(gaps.Locator("[data-figure=meetingsHeld]")).ToHaveTextAsync("Meetings held: 5 meetings");
        await Expect(page.Locator("tr[data-row='mr-1.1-rules'] .badge")).ToHaveTextAsync("✓ met");
        await Expect(page.Locator("tr[data-row='standard-4-proposals'] .badge")).ToHaveTextAsync("… pending");
        // Founding, five meetings, today: six gaps; only the seven months between the past meetings is over the limit.
        await Expect(page.Locator("#timeline-svg rect.gap")).ToHaveCountAsync(6);
        await Expect(page.Locator("#timeline-svg rect.gap-over")).ToHaveCountAsync(1);
        (await page.Locator("#timeline-svg rect.gap-over title").TextContentAsync()).ShouldStartWith("First meeting → Second meeting");
        await Expect(page.Locator("#timeline-svg line.limit")).ToHaveCountAsync(1);
        await Expect(page.Locator("#timeline-svg .meeting")).ToHaveCountAsync(5);

        // Parity per meeting: attendance at all five, speaking time at the three sessions; in spring 2:1 and 450 s : 150 s.
        await Expect(page.Locator("#parity-svg g.parity-meeting")).ToHaveCountAsync(5);
        await Expect(page.Locator("#parity-svg .bar-speaking")).ToHaveCountAsync(3);
        var spring = page.Locator("#parity-svg g.parity-meeting", new() { HasText = "Spring plenary" });
        await Expect(spring.Locator(".bar-attendance rect[data-group=Government]")).ToHaveAttributeAsync("data-share", "0.667");
        await Expect(spring.Locator(".bar-speaking rect[data-group=Government]")).ToHaveAttributeAsync("data-share", "0.75");
        await Expect(spring.Locator(".bar-speaking rect[data-group=CivilSociety]")).ToHaveAttributeAsync("data-share", "0.25");
        await Expect(page.Locator("tr[data-row='parity-speaking'] [data-figure=governmentShare]")).ToHaveTextAsync("Government's share: 53%");
        await Expect(page.Locator("#report-pdf")).ToHaveAttributeAsync("href", $"/api/forums/{f.ForumId}/ogp-report.pdf");
        await Expect(page.Locator("#report-csv")).ToHaveAttributeAsync("href", $"/api/forums/{f.ForumId}/ogp-report.csv");
        await Expect(page.Locator("tr[data-row='mr-1.1-meetings'] .evidence a").First).ToHaveTextAsync("The forum's public page");
        await Screenshot(page, "ogp-report");

        var georgian = await NewPage(locale: "ka-GE", phone: true);
        await georgian.GotoAsync($"/forums/{f.ForumId}/ogp-report");
        await Expect(georgian.Locator("tr[data-row='mr-5.1'] th")).ToContainTextAsync(Strings.Files["ka"]["ogp.row.mr-5.1"]);
        await Expect(georgian.Locator("#timeline-svg rect.gap-over")).ToHaveCountAsync(1);
        await NoHorizontalOverflow(georgian);
        await Screenshot(georgian, "ogp-report-phone-ka");
    }

    [Fact]
    public async Task A_member_scrubs_a_closed_session_and_the_minutes_link_each_decision_to_what_the_room_saw_then()
    {
        var w = await World();
        long start;
        var t = _now.AddHours(-3);
        var decided = new List<object>();
        await using (var session = Fixture.Store.LightweightSession())
        {
            start = (await session.Events.FetchStreamStateAsync(w.SessionId))!.Version;
            var s = w.SessionId;
            var item = w.DecisionItem;
            session.Events.Append(s,
                new SessionOpened(s, new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 2, [StakeholderGroup.CivilSociety] = 2, [StakeholderGroup.Other] = 1 },
                    ForumRules.Default, [w.Chair.MemberId, w.CsoChair.MemberId], w.Chair.MemberId, t),
                new ParticipantCheckedIn(s, w.Chair.MemberId, w.Chair.Name, StakeholderGroup.Government, MemberRole.Member, Presence.InRoom, null, t.AddMinutes(1)),
                new ParticipantCheckedIn(s, w.CsoChair.MemberId, w.CsoChair.Name, StakeholderGroup.CivilSociety, MemberRole.Member, Presence.InRoom, null, t.AddMinutes(2)),
                new ParticipantCheckedIn(s, w.Ani.MemberId, w.Ani.Name, StakeholderGroup.Government, MemberRole.Member, Presence.Online, null, t.AddMinutes(3)),
                new AgendaItemOpened(s, item, w.Chair.MemberId, t.AddMinutes(4)),
                new ProposalTabled(s, item, "Publish the register as open data by June.", w.Chair.MemberId, t.AddMinutes(5)),
                new PositionSubmitted(s, item, w.Chair.MemberId, Stance.Support, "", null, Guid.CreateVersion7(), t.AddMinutes(6)),
                new PositionSubmitted(s, item, w.Ani.MemberId, Stance.Support, "", null, Guid.CreateVersion7(), t.AddMinutes(7)),
                new FloorGiven(s, w.CsoChair.MemberId, w.Chair.MemberId, t.AddMinutes(8)),
                new FloorYielded(s, w.CsoChair.MemberId, 90, t.AddMinutes(9.5)),
                new PositionSubmitted(s, item, w.CsoChair.MemberId, Stance.SupportWithReservations, "Needs a deadline.", null, Guid.CreateVersion7(), t.AddMinutes(10)),
                new DecisionRecorded(s, item, Outcome.ConsensusWithReservations, "The register is published as open data by June.",
                    [new ObjectionOnRecord(w.CsoChair.MemberId, w.CsoChair.Name, StakeholderGroup.CivilSociety, Stance.SupportWithReservations, "Needs a deadline.", "June is the deadline.")],
                    [], new Quorum(true, 3, 3, 5, false, true, ""), new Dictionary<Stance, int> { [Stance.Support] = 2, [Stance.SupportWithReservations] = 1 }, w.Chair.MemberId, t.AddMinutes(11)),
                new AgendaItemClosed(s, item, w.Chair.MemberId, t.AddMinutes(12)),
                new SessionClosed(s, w.Chair.MemberId, t.AddMinutes(13)));
            await session.SaveChangesAsync();
        }
        var decisionVersion = start + 12;
        var floorVersion = start + 9;

        // The minutes as drafted from this record: the decision links to the replay at its version.
        string markdown;
        await using (var query = Fixture.Store.QuerySession())
        {
            var events = await SessionHistory.Typed(query, w.SessionId);
            var forum = await query.Events.AggregateStreamAsync<ForumState>(w.ForumId);
            markdown = MinutesText.Markdown(SessionRecord.Build(forum, events, "sha"), "en", Fixture.BaseUrl);
        }
        var link = $"{Fixture.BaseUrl}/sessions/{w.SessionId}/replay?version={decisionVersion}";
        markdown.ShouldContain($"[What the room saw when this was decided]({link})");

        var member = await SignedIn(w.Nino.Email, $"/sessions/{w.SessionId}");
        await Expect(member.Locator("#replay-link")).ToHaveAttributeAsync("href", $"/sessions/{w.SessionId}/replay");
        await member.GotoAsync(link);
        await Expect(member.Locator("#moment")).ToContainTextAsync($"Moment {decisionVersion} of {start + 14}", FirstLoad);
        await Expect(member.Locator("#moment-kind")).ToHaveTextAsync("Decision: Consensus with reservations");
        await Expect(member.Locator("#decision")).ToContainTextAsync("The register is published as open data by June.");
        await Expect(member.Locator("#positions li.position")).ToHaveCountAsync(3);
        await Expect(member.Locator("#tallies tr[data-group=all] td[data-stance=Support]")).ToHaveTextAsync("2");

        // Back to when Ion Rusu held the floor: two positions stood, no decision yet.
        await member.Locator("#scrubber").FillAsync(floorVersion.ToString());
        await Expect(member.Locator("#floor-holder")).ToContainTextAsync("Ion Rusu");
        await Expect(member.Locator("#positions li.position")).ToHaveCountAsync(2);
        await Expect(member.Locator("#decision")).ToHaveCountAsync(0);
        await Expect(member).ToHaveURLAsync(new Regex($"version={floorVersion}$"));
        await member.Locator("#step-forward").ClickAsync();
        await Expect(member.Locator("#moment-kind")).ToHaveTextAsync("Finished speaking — Ion Rusu");
        await Expect(member.Locator("#floor")).ToContainTextAsync("Nobody has the floor.");
        await member.Locator("#prev-landmark").ClickAsync();
        await Expect(member.Locator("#moment-kind")).ToContainTextAsync("Proposal tabled");
        await Expect(member.Locator("#proposal-text")).ToHaveTextAsync("Publish the register as open data by June.");
        await Screenshot(member, "session-replay");

        // Not a member: the replay is refused and says why.
        var outsider = await SignedIn("someone@else.test", $"/sessions/{w.SessionId}/replay");
        await Expect(outsider.Locator("#page-alert")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
    }
}
