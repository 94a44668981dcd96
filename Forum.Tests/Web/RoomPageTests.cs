using System.Text.RegularExpressions;
using Forum.Domain.Sessions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

/// <summary>
/// The room in pages beyond positions: people leaving (and quorum following them live), a vote round by group, and the
/// speaking time by group drawn as bars.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RoomPageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    private const string Proposal = "Publish the register as open data by June.";

    private static ILocator Row(IPage page, string chart, string group) => page.Locator($"#{chart} li[data-key={group}]");

    /// <summary>The session open with the given members checked in online; optionally the forum's rules allow a vote (2/3 threshold).</summary>
    private async Task<WebWorld> OpenRoom(bool vote, params Func<WebWorld, WebPerson>[] present)
    {
        var w = await World();
        if (vote)
            await Api(w.Secretariat, HttpMethod.Put, $"/api/forums/{w.ForumId}/rules", new { quorumShare = 0.5, parityRequired = false, voteFallback = true, voteThreshold = 0.66 });
        await Post(w.Chair.Token, w.Session("/open"));
        foreach (var who in present) await Post(who(w).Token, w.Session("/check-in"), new { presence = "Online" });
        return w;
    }

    private async Task OpenItemWithProposal(WebWorld w)
    {
        await Post(w.Chair.Token, w.Item("/open"));
        await Post(w.Chair.Token, w.Item("/proposal"), new { text = Proposal });
    }

    private Task Ballot(WebPerson who, WebWorld w, string choice) => Post(who.Token, w.Item("/vote/ballots"), new { choice });

    [Fact]
    public async Task A_participant_leaves_and_the_secretariat_records_another_leaving_and_the_console_quorum_follows_without_reload()
    {
        var w = await OpenRoom(false, x => x.Chair, x => x.CsoChair, x => x.Ani, x => x.Nino);
        var chair = await SignedIn(w.Chair.Email, $"/sessions/{w.SessionId}/console");
        var ani = await SignedIn(w.Ani.Email, $"/sessions/{w.SessionId}");
        var desk = await SignedIn(WebWorld.SecretariatEmail, $"/sessions/{w.SessionId}/desk");
        await Expect(chair.Locator("#quorum-line")).ToHaveTextAsync("Quorum met — 4 of 5 voting members present; 3 needed.");

        await ani.GetByRole(AriaRole.Button, new() { Name = "Leave the session" }).ClickAsync();
        await Expect(ani.Locator("#presence")).ToHaveTextAsync("Check in to take part.");
        await Expect(chair.Locator("#quorum-line")).ToHaveTextAsync("Quorum met — 3 of 5 voting members present; 3 needed.");

        var nino = desk.Locator($"#attendance-table tr[data-member='{w.Nino.MemberId}'] td").Nth(1);
        await Expect(nino).ToHaveTextAsync("online");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Record that ნინო ბერიძე left" }).ClickAsync();
        await Expect(nino).ToHaveTextAsync("not checked in");
        await Expect(chair.Locator("#quorum-line")).ToHaveTextAsync("No quorum — 2 of 5 voting members present; 3 needed.");
        await Expect(desk.Locator("#quorum-line")).ToHaveTextAsync("No quorum — 2 of 5 voting members present; 3 needed.");

        // Back in the room: checking in again counts again.
        await ani.GetByRole(AriaRole.Button, new() { Name = "I am in the room" }).ClickAsync();
        await Expect(chair.Locator("#quorum-line")).ToHaveTextAsync("Quorum met — 3 of 5 voting members present; 3 needed.");
    }

    [Fact]
    public async Task A_participant_reloads_during_a_vote_and_still_sees_their_own_vote_and_changes_it()
    {
        var w = await OpenRoom(true, x => x.Chair, x => x.Ani, x => x.Nino);
        await OpenItemWithProposal(w);
        await Post(w.Chair.Token, w.Item("/vote"));
        var ani = await SignedIn(w.Ani.Email, $"/sessions/{w.SessionId}");
        var choice = (string name) => ani.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

        await choice("Yes").ClickAsync();
        await Expect(choice("Yes")).ToHaveAttributeAsync("aria-pressed", "true");
        await ani.ReloadAsync();
        await Expect(ani.Locator("#vote-cast")).ToHaveTextAsync("Votes cast: 1 of 3 voting members present.");
        await Expect(choice("Yes")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(choice("No")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(ani.Locator("#vote-mine")).ToHaveTextAsync("Your vote is counted: Yes. You may change it until the vote closes.");

        // Changed while the vote is open: the page shows the new choice, and so does the next reload.
        await choice("No").ClickAsync();
        await Expect(choice("No")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(choice("Yes")).ToHaveAttributeAsync("aria-pressed", "false");
        await ani.ReloadAsync();
        await Expect(ani.Locator("#vote-mine")).ToHaveTextAsync("Your vote is counted: No. You may change it until the vote closes.");
        await Expect(choice("No")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(ani.Locator("#vote-cast")).ToHaveTextAsync("Votes cast: 1 of 3 voting members present.");

        // Nobody else is told Ani's vote: another member's page shows the count only, no choice pressed.
        var nino = await SignedIn(w.Nino.Email, $"/sessions/{w.SessionId}");
        await Expect(nino.Locator("#vote-cast")).ToHaveTextAsync("Votes cast: 1 of 3 voting members present.");
        await Expect(nino.Locator("#vote button[aria-pressed=true]")).ToHaveCountAsync(0);
        await Expect(nino.Locator("#vote-mine")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_co_chair_opens_a_vote_ballots_arrive_by_group_live_and_the_vote_carries_and_is_recorded()
    {
        var w = await OpenRoom(true, x => x.Chair, x => x.CsoChair, x => x.Ani, x => x.Nino);
        await OpenItemWithProposal(w);
        var chair = await SignedIn(w.Chair.Email, $"/sessions/{w.SessionId}/console");
        var ani = await SignedIn(w.Ani.Email, $"/sessions/{w.SessionId}");
        var display = await NewPage();
        await display.GotoAsync($"/display/{w.SessionId}?token={Uri.EscapeDataString(w.Secretariat)}");
        await Expect(ani.Locator("#vote-none")).ToHaveTextAsync("No vote is open.");

        await chair.GetByRole(AriaRole.Button, new() { Name = "Put the proposal to a vote" }).ClickAsync();
        await Expect(ani.Locator("#vote-question")).ToHaveTextAsync($"Put to the vote: {Proposal}");
        await ani.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        await Expect(ani.Locator("#vote-mine")).ToHaveTextAsync("Your vote is counted: Yes. You may change it until the vote closes.");
        await Expect(ani.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Row(chair, "vote-chart", "Government")).ToHaveTextAsync("Government: Yes 1, No 0, Abstain 0");
        await Expect(chair.Locator("#vote-cast")).ToHaveTextAsync("Votes cast: 1 of 4 voting members present.");

        // The rest of the room votes through the API; the console counts them by group as they arrive.
        await Ballot(w.Chair, w, "Yes");
        await Ballot(w.CsoChair, w, "Yes");
        await Ballot(w.Nino, w, "No");
        await Expect(Row(chair, "vote-chart", "CivilSociety")).ToHaveTextAsync("Civil society: Yes 1, No 1, Abstain 0");
        await Expect(Row(chair, "vote-chart", "Government")).ToHaveTextAsync("Government: Yes 2, No 0, Abstain 0");
        await Expect(Row(chair, "vote-chart", "Government").Locator("rect.bar-vote-Yes")).ToHaveAttributeAsync("data-value", "2");
        await Expect(chair.Locator("#vote-cast")).ToHaveTextAsync("Votes cast: 4 of 4 voting members present.");

        await chair.GetByRole(AriaRole.Button, new() { Name = "Close the vote" }).ClickAsync();
        await Expect(ani.Locator("#vote-outcome")).ToHaveTextAsync("The vote carried");
        await Expect(ani.Locator("#vote-counts")).ToHaveTextAsync("Yes 3, No 1, Abstain 0");
        await Expect(ani.Locator("#vote-result")).ToContainTextAsync("Threshold: 66% Yes among Yes and No.");
        await Expect(Row(ani, "vote-chart", "CivilSociety")).ToHaveTextAsync("Civil society: Yes 1, No 1, Abstain 0");
        await Expect(ani.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true })).ToHaveCountAsync(0);
        await Expect(display.Locator("#vote-outcome")).ToHaveTextAsync("The vote carried");
        await Expect(Row(display, "vote-chart", "Government")).ToHaveTextAsync("Government: Yes 2, No 0, Abstain 0");

        // The decision follows the vote: the console offers its result, and refuses the other with the rule's words.
        await Expect(chair.Locator("#outcome")).ToHaveValueAsync("VoteCarried");
        await chair.GetByLabel("Outcome").SelectOptionAsync("VoteFailed");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(chair.Locator("#decision-alert")).ToHaveTextAsync("3 of 4 votes cast support; the threshold is 66 %, so the vote carried.");
        await chair.GetByLabel("Outcome").SelectOptionAsync("VoteCarried");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(ani.Locator("#decision")).ToContainTextAsync("Decision: Vote carried");
        await Screenshot(chair, "console-vote");
    }

    [Fact]
    public async Task A_vote_below_the_threshold_fails_and_a_participant_on_a_phone_sees_the_result_by_group()
    {
        var w = await OpenRoom(true, x => x.Chair, x => x.CsoChair, x => x.Ani, x => x.Nino);
        await OpenItemWithProposal(w);
        var nino = await SignedIn(w.Nino.Email, $"/sessions/{w.SessionId}", phone: true);
        var chair = await SignedIn(w.Chair.Email, $"/sessions/{w.SessionId}/console?lang=uk");
        await Post(w.Chair.Token, w.Item("/vote"));

        await nino.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await Expect(nino.Locator("#vote-mine")).ToContainTextAsync("Your vote is counted: No.");
        // A second thought while the vote is open changes the vote, not the count of votes.
        await nino.GetByRole(AriaRole.Button, new() { Name = "Abstain", Exact = true }).ClickAsync();
        await Expect(Row(nino, "vote-chart", "CivilSociety")).ToHaveTextAsync("Civil society: Yes 0, No 0, Abstain 1");
        await Ballot(w.Chair, w, "Yes");
        await Ballot(w.Ani, w, "No");
        await Ballot(w.CsoChair, w, "No");
        await Expect(nino.Locator("#vote-cast")).ToHaveTextAsync("Votes cast: 4 of 4 voting members present.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Закрити голосування" }).ClickAsync();

        await Expect(nino.Locator("#vote-outcome")).ToHaveTextAsync("The vote failed");
        await Expect(nino.Locator("#vote-counts")).ToHaveTextAsync("Yes 1, No 2, Abstain 1");
        await Expect(Row(nino, "vote-chart", "Government")).ToHaveTextAsync("Government: Yes 1, No 1, Abstain 0");
        await Expect(Row(nino, "vote-chart", "CivilSociety")).ToHaveTextAsync("Civil society: Yes 0, No 1, Abstain 1");
        await Expect(Row(nino, "vote-chart", "CivilSociety").Locator("rect.bar-vote-Abstain")).ToHaveAttributeAsync("data-value", "1");
        (await nino.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no horizontal overflow at 390 px");
        await Screenshot(nino, "participant-vote-phone");

        // In Ukrainian, the console shows the result, and a decision against it is refused in the rule's translated words.
        await Expect(chair.Locator("#vote-outcome")).ToHaveTextAsync("Голосування не набрало потрібної кількості голосів");
        await Expect(chair.Locator("#outcome")).ToHaveValueAsync("VoteFailed");
        await chair.Locator("#outcome").SelectOptionAsync("VoteCarried");
        await chair.Locator("#record-decision").ClickAsync();
        await Expect(chair.Locator("#decision-alert")).ToHaveTextAsync("Результат не відповідає позиціям, підрахованим щодо порогу голосування форуму.");
    }

    [Fact]
    public async Task Speaking_time_by_group_is_drawn_on_the_console_and_the_participant_view_from_the_floor_times()
    {
        var w = await OpenRoom(false, x => x.Chair, x => x.Ani, x => x.Nino);
        var chair = await SignedIn(w.Chair.Email, $"/sessions/{w.SessionId}/console");
        var ani = await SignedIn(w.Ani.Email, $"/sessions/{w.SessionId}", phone: true);
        await Expect(ani.Locator("#speaking-none")).ToHaveTextAsync("Nobody has held the floor yet.");

        // Floor times known to the second: Government 90 s (Ani) and 45 s (the co-chair), civil society 45 s (Nino).
        var t = DateTimeOffset.UtcNow;
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Events.Append(w.SessionId,
                new FloorGiven(w.SessionId, w.Ani.MemberId, Guid.Empty, t), new FloorYielded(w.SessionId, w.Ani.MemberId, 90, t.AddSeconds(90)),
                new FloorGiven(w.SessionId, w.Nino.MemberId, Guid.Empty, t.AddSeconds(90)), new FloorYielded(w.SessionId, w.Nino.MemberId, 45, t.AddSeconds(135)),
                new FloorGiven(w.SessionId, w.Chair.MemberId, Guid.Empty, t.AddSeconds(135)), new FloorYielded(w.SessionId, w.Chair.MemberId, 45, t.AddSeconds(180)));
            await session.SaveChangesAsync();
        }
        // The next change the room makes carries the board as it now stands to every page.
        await Post(w.Nino.Token, w.Session("/hands"), new { raised = true });

        foreach (var page in new[] { chair, ani })
        {
            await Expect(page.Locator("#speaking-chart figcaption")).ToHaveTextAsync("Time at the floor by group (in all 03:00)");
            await Expect(Row(page, "speaking-chart", "Government")).ToHaveTextAsync("Government: 02:15 (75%)");
            await Expect(Row(page, "speaking-chart", "CivilSociety")).ToHaveTextAsync("Civil society: 00:45 (25%)");
            await Expect(Row(page, "speaking-chart", "Other")).ToHaveTextAsync(new Regex("^Other: 00:00 \\(0%\\)$"));
            await Expect(Row(page, "speaking-chart", "Government").Locator("rect.bar-time")).ToHaveAttributeAsync("width", "75");
            await Expect(Row(page, "speaking-chart", "CivilSociety").Locator("rect.bar-time")).ToHaveAttributeAsync("width", "25");
        }
        (await ani.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no horizontal overflow at 390 px");
        await Screenshot(ani, "participant-speaking-phone");
    }
}
