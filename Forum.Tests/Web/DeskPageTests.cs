using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

[Collection(BrowserCollection.Name)]
public class DeskPageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    [Fact]
    public async Task The_secretariat_sets_up_checks_in_and_records_a_position_and_its_page_resynchronises_after_a_lost_connection()
    {
        var w = await World();
        var desk = await SignedIn(WebWorld.SecretariatEmail, $"/forums/{w.ForumId}/desk");
        await desk.GetByLabel("Name", new() { Exact = true }).FillAsync("ლაშა გიორგაძე");
        await desk.GetByLabel("E-mail", new() { Exact = true }).FillAsync("lasha@cso.test");
        await desk.GetByLabel("Organisation", new() { Exact = true }).FillAsync("IDFI");
        await desk.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync("CivilSociety");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Admit member" }).ClickAsync();
        await Expect(desk.Locator("#member-note")).ToHaveTextAsync("ლაშა გიორგაძე is a member now.");
        await Expect(desk.Locator("#roster")).ToContainTextAsync("ლაშა გიორგაძე");
        await Screenshot(desk, "forum-desk");

        // The session desk, with its hub connection routed through the test so that it can be cut.
        IWebSocketRoute? socket = null;
        var offline = false;
        await desk.RouteWebSocketAsync(new Regex("/hubs/sessions"), async ws =>
        {
            if (offline) { await ws.CloseAsync(new() { Code = 4000, Reason = "offline" }); return; }
            ws.ConnectToServer();
            socket = ws;
        });
        await desk.GetByRole(AriaRole.Link, new() { Name = WebWorld.SessionTitle }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = WebWorld.SessionTitle })).ToBeVisibleAsync();
        await desk.GetByLabel("Title", new() { Exact = true }).FillAsync("Any other business");
        await desk.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("Discussion");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Add to agenda" }).ClickAsync();
        await Expect(desk.Locator("#agenda")).ToContainTextAsync("Any other business");
        await Expect(desk.Locator("#invitations")).ToHaveTextAsync("No invitations sent yet.");
        await Expect(desk.Locator("#minutes")).ToHaveTextAsync("Minutes are drafted from the record when the session closes.");

        await Post(w.Chair.Token, w.Session("/open"));
        await desk.GetByRole(AriaRole.Button, new() { Name = "Check Aram Hakobyan in: in the room" }).ClickAsync();
        await Expect(desk.Locator($"#attendance tr[data-member='{w.Aram.MemberId}']")).ToContainTextAsync("in the room");
        await Post(w.Chair.Token, w.Item("/open"));
        await Post(w.Chair.Token, w.Item("/proposal"), new { text = "Publish the register by June." });

        await desk.GetByLabel("Member", new() { Exact = true }).SelectOptionAsync(w.Aram.MemberId.ToString());
        await desk.GetByLabel("Position", new() { Exact = true }).SelectOptionAsync("SupportWithReservations");
        await desk.GetByLabel("Statement (why)").FillAsync("Needs funding.");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Record position" }).ClickAsync();
        var aram = desk.Locator($"li[data-member='{w.Aram.MemberId}']");
        await Expect(aram).ToContainTextAsync("Support with reservations");
        await Expect(aram).ToContainTextAsync("(recorded by the secretariat)");

        // The connection drops and stays down: the page says so. A change made meanwhile shows once it is back.
        offline = true;
        await socket!.CloseAsync(new() { Code = 4001, Reason = "network lost" });
        await Expect(desk.Locator("#banner")).ToHaveTextAsync("Connection lost — reconnecting…");
        await Screenshot(desk, "session-desk-reconnecting");
        await Post(w.Ani.Token, w.Session("/check-in"), new { presence = "Online" });
        offline = false;
        await Expect(desk.Locator("#banner")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Expect(desk.Locator($"#attendance tr[data-member='{w.Ani.MemberId}']")).ToContainTextAsync("online");

        // The display link made on the desk opens the room display with its token.
        await desk.GetByRole(AriaRole.Button, new() { Name = "Make a display link" }).ClickAsync();
        var url = await desk.GetByLabel("Display link").InputValueAsync();
        url.ShouldContain($"/display/{w.SessionId}?token=fk_");
        var display = await NewPage();
        await display.GotoAsync(url);
        await Expect(display.Locator("#display-item")).ToHaveTextAsync(WebWorld.ItemTitle);
        await Expect(display.Locator("#tallies tr[data-group=Other] td[data-stance=SupportWithReservations]")).ToHaveTextAsync("1");
        await Screenshot(desk, "session-desk");
    }
}
