using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

[Collection(BrowserCollection.Name)]
public class LiveSessionPageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    private static ILocator Cell(IPage page, string group, string stance) =>
        page.Locator($"#tallies tr[data-group={group}] td[data-stance={stance}]");

    [Fact]
    public async Task A_co_chair_and_two_participants_take_an_item_from_open_to_decision_and_each_sees_the_others_live()
    {
        var w = await World();
        var chair = await SignedIn(w.Chair.Email, $"/sessions/{w.SessionId}/console");
        var ani = await SignedIn(w.Ani.Email, $"/sessions/{w.SessionId}");
        var nino = await SignedIn(w.Nino.Email, $"/sessions/{w.SessionId}", phone: true);
        var display = await NewPage();
        await display.GotoAsync($"/display/{w.SessionId}?token={Uri.EscapeDataString(w.Secretariat)}");
        await Expect(display).ToHaveURLAsync(new Regex($"/display/{w.SessionId}$"));
        await Expect(ani.GetByText("The session has not been opened yet.")).ToBeVisibleAsync();

        // The co-chair opens the session; the participants' pages offer check-in without a reload.
        await chair.GetByRole(AriaRole.Button, new() { Name = "Open the session" }).ClickAsync();
        await ani.GetByRole(AriaRole.Button, new() { Name = "I am online" }).ClickAsync();
        await nino.GetByRole(AriaRole.Button, new() { Name = "I am online" }).ClickAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "I am in the room" }).ClickAsync();
        await Expect(ani.Locator("#presence")).ToHaveTextAsync("You are checked in: online.");
        await Expect(chair.Locator("#heading")).ToContainTextAsync("Quorum met");

        await chair.GetByRole(AriaRole.Button, new() { Name = $"Open item: {WebWorld.ItemTitle}" }).ClickAsync();
        await Expect(ani.Locator("#current-title")).ToHaveTextAsync(WebWorld.ItemTitle);
        await chair.GetByLabel("Proposal (draft decision)").FillAsync("Publish the register as open data by June.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Table proposal" }).ClickAsync();
        await Expect(nino.Locator("#proposal-text")).ToHaveTextAsync("Publish the register as open data by June.");
        await Expect(display.Locator("#display-proposal")).ToHaveTextAsync("Publish the register as open data by June.");

        // Ani supports: the co-chair's tally moves without a reload.
        await ani.GetByLabel("Support", new() { Exact = true }).CheckAsync();
        await ani.GetByLabel("Statement (why)").FillAsync("The ministry is ready.");
        await ani.GetByRole(AriaRole.Button, new() { Name = "Submit position" }).ClickAsync();
        await Expect(Cell(chair, "Government", "Support")).ToHaveTextAsync("1");
        await Expect(ani.Locator("#position-note")).ToHaveTextAsync("On the board: Support.");

        // Nino objects, on a phone; Ani sees it arrive, by group.
        await nino.GetByLabel("Object", new() { Exact = true }).CheckAsync();
        await nino.GetByLabel("Statement (why)").FillAsync("Sanctions must follow within a year.");
        await nino.GetByRole(AriaRole.Button, new() { Name = "Submit position" }).ClickAsync();
        var ninoOnAnisPage = ani.Locator($"[data-group=CivilSociety] li[data-member='{w.Nino.MemberId}']");
        await Expect(ninoOnAnisPage).ToContainTextAsync("ნინო ბერიძე");
        await Expect(ninoOnAnisPage).ToContainTextAsync("Sanctions must follow within a year.");
        await Expect(Cell(chair, "CivilSociety", "Object")).ToHaveTextAsync("1");
        await Expect(Cell(display, "CivilSociety", "Object")).ToHaveTextAsync("1");
        await Expect(chair.Locator("#gap-summary")).ToHaveTextAsync("Consensus gap: 100 points between Government and Civil society.");

        // Nino raises a hand; the co-chair gives the floor; the speaking timer runs on the console and the display.
        await nino.GetByRole(AriaRole.Button, new() { Name = "Raise hand" }).ClickAsync();
        await Expect(nino.GetByRole(AriaRole.Button, new() { Name = "Lower hand" })).ToHaveAttributeAsync("aria-pressed", "true");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Give the floor to ნინო ბერიძე" }).ClickAsync();
        await Expect(nino.GetByText("You have the floor.")).ToBeVisibleAsync();
        await Expect(chair.GetByRole(AriaRole.Timer)).ToHaveTextAsync(new Regex(@"^\d\d:\d\d$"));
        await Expect(display.Locator("#speaker")).ToContainTextAsync("ნინო ბერიძე has the floor");
        await Screenshot(display, "display");
        await Screenshot(nino, "participant-phone");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Take back the floor" }).ClickAsync();
        await Expect(ani.Locator("#floor")).ToHaveTextAsync("Nobody has the floor.");
        await Screenshot(chair, "console");
        await Screenshot(ani, "participant");

        // A decision that ignores the objection is refused, and the co-chair reads why.
        await chair.GetByLabel("Outcome").SelectOptionAsync("ConsensusReached");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(chair.Locator("#decision-alert")).ToContainTextAsync("Objections or reservations are on record");

        await chair.GetByLabel("Outcome").SelectOptionAsync("ConsensusWithReservations");
        await chair.GetByLabel("Response to ნინო ბერიძე (Object)").FillAsync("Sanctions are added to the review in the decision text.");
        await chair.GetByLabel("What is to be done", new() { Exact = true }).FillAsync("Draft the sanctions review");
        await chair.GetByLabel("Due date", new() { Exact = true }).FillAsync("2027-03-01");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(ani.Locator("#decision")).ToContainTextAsync("Action point: Draft the sanctions review");
        await Expect(ani.Locator("#decision")).ToContainTextAsync("2027-03-01");
        await Expect(ani.Locator("#decision")).ToContainTextAsync("Consensus with reservations");
        await Expect(nino.Locator("#decision")).ToContainTextAsync("Sanctions are added to the review in the decision text.");
        await Expect(display.Locator("#display-decision")).ToHaveTextAsync("Decision: Consensus with reservations");

        await chair.GetByRole(AriaRole.Button, new() { Name = $"Close item: {WebWorld.ItemTitle}" }).ClickAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Close the session" }).ClickAsync();
        await Expect(ani.Locator("#heading .badge")).ToHaveTextAsync("Closed");
        await Expect(nino.GetByText("The session is over.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_board_script_applies_changes_in_version_order_and_asks_to_rejoin_on_a_gap()
    {
        var page = await NewPage();
        await page.GotoAsync("/sign-in");
        var results = await page.EvaluateAsync<string[]>(@"async () => {
            const { applyChange } = await import('/js/board.js');
            const board = { version: 5, status: 'Open', agenda: [{ itemId: 'i1', title: 'A', positions: { m0: { stance: 'Support' } } }], attendees: {} };
            const change = (from, to, extra = {}) => ({ fromVersion: from, toVersion: to,
              header: { status: 'Open', currentItemId: 'i1', attendance: {}, quorum: null, hands: [], floor: null, speakingSeconds: {} },
              agendaOrder: ['i1'], items: [{ itemId: 'i1', title: 'A2' }], tallies: [{ itemId: 'i1', tallyByGroup: { Government: { Block: 1 }, CivilSociety: { Block: 2, Support: 1 } } }],
              positions: [{ itemId: 'i1', memberId: 'm1', stance: 'Block', version: to }], attendees: [], ...extra });
            return [
              applyChange(board, change(3, 5)),
              applyChange(board, change(4, 7)),
              String(board.version), board.agenda[0].title, Object.keys(board.agenda[0].positions).join(','),
              // A push carries the tally by group only (and leaves out a position's defaults): the item's tally is their sum.
              JSON.stringify(board.agenda[0].tally), String(board.agenda[0].vote),
              applyChange(board, change(9, 10)), String(board.version),
            ];
        }");
        results.ShouldBe(["stale", "applied", "7", "A2", "m0,m1", "{\"Block\":3,\"Support\":1}", "null", "gap", "7"]);
    }
}
