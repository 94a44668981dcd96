using Forum.Domain.Invitations;
using Forum.Host.Identity;
using Forum.Host.Invitations;
using Forum.Tests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Invitations;

[Collection(BrowserCollection.Name)]
public class RsvpPageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    [Fact]
    public async Task The_mailed_link_opens_a_page_that_answers_only_when_the_button_is_pressed_and_signs_no_one_in()
    {
        var w = await World();
        await Post(w.Secretariat, w.Session("/invitations"), new { memberIds = new[] { w.Ani.MemberId } });
        // The link as the mail carries it: made and stored hashed the way the mailer does.
        var secret = Secrets.NewToken("");
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Store(new RsvpLink { Id = Secrets.Hash(secret), SessionId = w.SessionId, InvitationId = InvitationRules.InvitationIdFor(w.SessionId, w.Ani.Email), CreatedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }

        var page = await NewPage(phone: true);
        await page.GotoAsync($"/rsvp/{secret}?answer=Online");
        await Expect(page.Locator("#rsvp-heading")).ToHaveTextAsync($"Your answer for {WebWorld.SessionTitle}");
        await Expect(page.Locator("#rsvp-current")).ToHaveTextAsync("You have not answered yet.");
        await Expect(page.Locator("#rsvp-session")).ToContainTextAsync(WebWorld.ForumName);
        // The answer the mail's link named is offered first; opening the page recorded nothing.
        await Expect(page.Locator("#rsvp-buttons button").First).ToHaveTextAsync("I will join online");
        (await Api(w.Secretariat, HttpMethod.Get, w.Session())).GetProperty("rsvpPending").GetProperty("Government").GetInt32().ShouldBe(1);
        await Screenshot(page, "rsvp-page");

        await page.GetByRole(AriaRole.Button, new() { Name = "I will join online" }).ClickAsync();
        await Expect(page.Locator("#rsvp-current")).ToHaveTextAsync("Your answer: online.");
        await Expect(page.Locator("#rsvp-note")).ToHaveTextAsync($"Saved: online for {WebWorld.SessionTitle}.");
        var board = await Api(w.Secretariat, HttpMethod.Get, w.Session());
        board.GetProperty("rsvp").GetProperty("Government").GetProperty("Online").GetInt32().ShouldBe(1);

        // Nobody was signed in: following the session takes the one-time sign-in mail.
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "forum");
        await Expect(page.Locator("#rsvp-sign-in")).ToHaveAttributeAsync("href", $"/sign-in?returnUrl={Uri.EscapeDataString($"/sessions/{w.SessionId}")}");
    }
}
