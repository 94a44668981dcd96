using System.Text.RegularExpressions;
using Microsoft.Playwright;
using netDumbster.smtp;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

[Collection(BrowserCollection.Name)]
public partial class SignInAndForumPageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    [GeneratedRegex(@"http://forum\.test(/auth/link/[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();

    [Fact]
    public async Task A_member_asks_for_a_link_signs_in_from_the_mail_and_reads_the_forum_in_Ukrainian()
    {
        var w = await World();
        var mailed = new TaskCompletionSource<SmtpMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnMail(object? sender, MessageReceivedArgs e) => mailed.TrySetResult(e.Message);
        Fixture.Smtp.MessageReceived += OnMail;
        try
        {
            var page = await NewPage();
            // Not signed in: the session page sends the visitor to sign in, and back afterwards.
            await page.GotoAsync($"/sessions/{w.SessionId}");
            await Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnUrl="));
            await Screenshot(page, "sign-in");
            await page.GetByLabel("Your e-mail address").FillAsync(w.Ani.Email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your mail" })).ToBeVisibleAsync();
            await Screenshot(page, "sign-in-check-mail");

            var mail = await mailed.Task.WaitAsync(TimeSpan.FromSeconds(20));
            var link = LinkPattern().Match(mail.MessageParts.First().BodyData).Groups[1].Value;
            await page.GotoAsync(link);
            await Expect(page).ToHaveURLAsync($"{Fixture.BaseUrl}/sessions/{w.SessionId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = WebWorld.SessionTitle })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "My forums" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = WebWorld.ForumName }).ClickAsync();
            await Screenshot(page, "home-forum-en");
            await Expect(page.Locator("#roster")).ToContainTextAsync("Անի Պետրոսյան");
            await Expect(page.Locator("#roster")).ToContainTextAsync("ნინო ბერიძე");

            await page.GetByLabel("Language").SelectOptionAsync("uk");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Учасники за групами" })).ToBeVisibleAsync();
            await Expect(page.Locator("#roster")).ToContainTextAsync("Громадянське суспільство (2)");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "uk");
            await Screenshot(page, "forum-uk");
        }
        finally
        {
            Fixture.Smtp.MessageReceived -= OnMail;
        }
    }

    [Fact]
    public async Task The_home_page_lists_my_forums_and_the_archive_says_nothing_is_published_yet_in_Russian()
    {
        var w = await World();
        var page = await SignedIn(w.Nino.Email, "/?lang=ru");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Мои форумы" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = WebWorld.ForumName })).ToBeVisibleAsync();
        await Screenshot(page, "home-ru");

        var visitor = await NewPage(locale: "ru-RU");
        await visitor.GotoAsync($"/forums/{w.ForumId}/minutes");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Опубликованные протоколы", Level = 1 })).ToBeVisibleAsync();
        await Expect(visitor.Locator("#minutes")).ToHaveTextAsync("Протоколы ещё не опубликованы.");
        await Screenshot(visitor, "archive-ru");
    }
}
