using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

/// <summary>Minutes of an Armenian session in Armenian and English (docs/adr/0023), as the co-chairs and the public see them.</summary>
[Collection(BrowserCollection.Name)]
public class BilingualArchivePageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    [Fact]
    public async Task A_co_chair_approves_both_texts_at_once_and_a_visitor_on_a_phone_downloads_and_verifies_each_from_the_archive()
    {
        var w = await World("hy");
        await Post(w.Chair.Token, w.Session("/open"));
        await Post(w.Chair.Token, w.Session("/close"));

        // The secretariat revises the English text from the desk: a new revision of the minutes.
        var desk = await SignedIn(WebWorld.SecretariatEmail, $"/sessions/{w.SessionId}/desk");
        var markdown = desk.GetByLabel("Minutes (Markdown)");
        await Expect(markdown).ToHaveValueAsync(new Regex($"Արձանագրություն՝ {WebWorld.SessionTitle}"), new() { Timeout = 30_000 });
        await desk.GetByLabel("Text to revise").SelectOptionAsync("en");
        await Expect(markdown).ToHaveValueAsync(new Regex($"# Minutes: {WebWorld.SessionTitle}"));
        await markdown.FillAsync(await markdown.InputValueAsync() + "\n\nChecked against the Armenian text.\n");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();
        await Expect(desk.Locator("#minutes-note")).ToHaveTextAsync("Saved as revision 1; the co-chairs approve it again.");
        await Expect(desk.FrameLocator("#minutes-preview").GetByText("Checked against the Armenian text.")).ToBeVisibleAsync();

        var chair = await SignedIn(w.Chair.Email, $"/sessions/{w.SessionId}/console");
        await Expect(chair.Locator("#minutes-both")).ToHaveTextAsync(
            "The minutes are written in Հայերեն, English. One approval covers both texts; a change to either one is a new revision, approved again.",
            new() { Timeout = 30_000 });
        await Expect(chair.Locator(".minutes-document h4")).ToHaveTextAsync(["Հայերեն", "English"]);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Approve the minutes" }).ClickAsync();
        await Expect(chair.Locator("#minutes-note")).ToHaveTextAsync("You approved revision 1.");
        var minutesId = (await Api(w.Secretariat, HttpMethod.Get, w.Session("/minutes"))).GetProperty("minutesId").GetGuid();
        await Post(w.CsoChair.Token, $"/api/minutes/{minutesId}/approve");
        await Post(w.Secretariat, $"/api/minutes/{minutesId}/publish");

        var visitor = await NewPage(phone: true);
        await visitor.GotoAsync($"/forums/{w.ForumId}/minutes");
        await Expect(visitor.Locator("li.archive-entry")).ToHaveCountAsync(1);
        var documents = visitor.Locator("li.archive-entry .minutes-document");
        await Expect(documents).ToHaveCountAsync(2);
        await Expect(documents.Locator("h4")).ToHaveTextAsync(["Հայերեն", "English"]);
        await Expect(documents.Nth(0).Locator("h4")).ToHaveAttributeAsync("lang", "hy");
        await Expect(documents.Nth(0)).ToContainTextAsync("No. 1 in the forum's chain of signed minutes");
        await Expect(documents.Nth(1)).ToContainTextAsync("No. 2 in the forum's chain of signed minutes");

        var english = documents.Nth(1);
        var download = await visitor.RunAndWaitForDownloadAsync(() => english.GetByRole(AriaRole.Link, new() { Name = "Signed PDF" }).ClickAsync());
        download.SuggestedFilename.ShouldBe($"minutes-{minutesId}-en.pdf");
        System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!), 0, 5).ShouldBe("%PDF-");
        await english.GetByRole(AriaRole.Button, new() { Name = $"Verify the minutes of {WebWorld.SessionTitle} (English)" }).ClickAsync();
        await Expect(english.Locator(".verify-result")).ToContainTextAsync("These minutes are intact and validly signed.");
        await documents.Nth(0).GetByRole(AriaRole.Button, new() { Name = $"Verify the minutes of {WebWorld.SessionTitle} (Հայերեն)" }).ClickAsync();
        await Expect(documents.Nth(0).Locator(".verify-result")).ToContainTextAsync("These minutes are intact and validly signed.");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Verify the whole archive" }).ClickAsync();
        await Expect(visitor.Locator("#archive-verify-result")).ToContainTextAsync(new Regex("The archive is intact.*Minutes in the chain: 2\\."));
        await Screenshot(visitor, "archive-bilingual-phone");
        (await visitor.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();

        // In Georgian: the page's own words in Georgian script, each document still named in its own language, no key shown.
        await visitor.GotoAsync($"/forums/{w.ForumId}/minutes?lang=ka");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "გამოქვეყნებული ოქმები", Exact = true }).First).ToBeVisibleAsync();
        await Expect(documents.Locator("h4")).ToHaveTextAsync(["Հայերեն", "English"]);
        await Expect(documents.Nth(1).GetByRole(AriaRole.Link, new() { Name = "ხელმოწერილი PDF" })).ToBeVisibleAsync();
        await LanguagePageTests.ShowsNoKey(visitor);
    }
}
