using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

[Collection(BrowserCollection.Name)]
public class HomeDigestPageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    [Fact]
    public async Task A_member_sees_on_their_phone_what_changed_while_they_were_away_and_turns_on_the_weekly_mail()
    {
        var w = await World();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plan = (await Post(w.Secretariat, $"/api/forums/{w.ForumId}/action-plans", new
        {
            title = "National Action Plan 2026–2028", startsOn = today.AddDays(-30), endsOn = today.AddDays(700), proposalsCloseOn = today.AddDays(30),
        })).GetProperty("actionPlanId").GetGuid();
        await Post(w.Nino.Token, $"/api/action-plans/{plan}/proposals", new { title = "Publish who owns companies", problem = "Owners are hidden.", solution = "A public register." });
        await Post(w.Secretariat, $"/api/action-plans/{plan}/commitments", new
        {
            title = "Open beneficial ownership", problem = "Shell companies hide who owns them.", description = "A public register of beneficial owners.",
            solution = "Journalists and banks can see who owns a company.", values = new[] { "Transparency" }, leadInstitution = "Ministry of Justice",
            supportingActors = Array.Empty<object>(), startsOn = today, endsOn = today.AddDays(400), reporterMemberIds = new[] { w.Chair.MemberId },
        });

        var page = await SignedIn(w.Aram.Email, "/", phone: true);
        var card = page.Locator("#digest-card");
        await Expect(card.GetByRole(AriaRole.Heading, new() { Name = "What changed while you were away" })).ToBeVisibleAsync();
        await Expect(page.Locator("#digest-counts")).ToHaveTextAsync("New proposals: 1 · Commitments drafted: 1");
        var proposal = card.Locator(".digest-entry[data-kind=ProposalSubmitted]");
        await Expect(proposal).ToContainTextAsync("Publish who owns companies");
        await Expect(proposal.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/action-plans/{plan}/proposals");
        var commitment = card.Locator(".digest-entry[data-kind=CommitmentDrafted]");
        await Expect(commitment).ToContainTextAsync("Commitment 1: Open beneficial ownership");
        await Expect(commitment).ToContainTextAsync("(by Ministry of Justice)");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await Screenshot(page, "home-digest-phone");

        var weekly = page.GetByLabel("Send me a weekly e-mail of what changed");
        await Expect(weekly).Not.ToBeCheckedAsync();
        await weekly.CheckAsync();
        await Expect(page.Locator("#digest-note")).ToHaveTextAsync("You will get a weekly e-mail of what changed.");
        (await Api(w.Aram.Token, HttpMethod.Get, "/api/me/preferences")).GetProperty("digest").GetString().ShouldBe("Weekly");

        // In Georgian, after a reload within the same visit: the same changes, worded in the reader's language.
        await page.GotoAsync("/?lang=ka");
        await Expect(page.Locator("#digest-counts")).ToHaveTextAsync("ახალი წინადადებები: 1 · ვალდებულებების ახალი პროექტები: 1");
        await Expect(page.GetByLabel("გამომიგზავნეთ ყოველკვირეული წერილი ცვლილებების შესახებ")).ToBeCheckedAsync();
    }
}
