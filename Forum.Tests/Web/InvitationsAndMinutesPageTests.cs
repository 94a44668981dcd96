using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

[Collection(BrowserCollection.Name)]
public class InvitationsAndMinutesPageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    /// <summary>Mail and drafting happen on the server after the request: the page shows them when they are done.</summary>
    private static readonly LocatorAssertionsToHaveCountOptions Server = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_secretariat_invites_from_the_desk_and_sees_each_mail_sent_and_a_member_answers_from_home()
    {
        var w = await World();
        var desk = await SignedIn(WebWorld.SecretariatEmail, $"/sessions/{w.SessionId}/desk");
        await Expect(desk.Locator("#invitations")).ToHaveTextAsync("No invitations sent yet.");

        await desk.GetByRole(AriaRole.Button, new() { Name = "Invite all members" }).ClickAsync();
        await Expect(desk.Locator("#invite-note")).ToHaveTextAsync("Invited: 5. The mail is on its way.");
        var rows = desk.Locator("#invitations-table tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.Filter(new() { Has = desk.Locator("td.delivery", new() { HasText = "Sent" }) })).ToHaveCountAsync(5, Server);

        // A guest by name and address, and a resend: the list follows each mail to "Sent".
        await desk.GetByLabel("Guest's name").FillAsync("Լուսինե Սարգսյան");
        await desk.GetByLabel("Guest's e-mail").FillAsync("lusine@press.test");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Invite guest" }).ClickAsync();
        var guest = rows.Filter(new() { HasText = "lusine@press.test" });
        await Expect(guest).ToContainTextAsync("Լուսինե Սարգսյան");
        await Expect(guest.Locator("td.delivery")).ToContainTextAsync("Sent", new() { Timeout = 30_000 });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Resend the invitation to Aram Hakobyan" }).ClickAsync();
        await Expect(desk.Locator("#invite-note")).ToHaveTextAsync("A new mail to Aram Hakobyan is on its way.");
        Fixture.Smtp.ReceivedEmail.Select(m => m.ToAddresses.Single().Address).ShouldContain("lusine@press.test");

        // Ani answers on her home page; the desk and the co-chair's console see it.
        var ani = await SignedIn(w.Ani.Email, "/");
        var entry = ani.Locator($"li.agenda-entry[data-session='{w.SessionId}']");
        await Expect(entry).ToContainTextAsync(WebWorld.SessionTitle);
        await Expect(entry).ToContainTextAsync("You have not answered yet.");
        await entry.GetByRole(AriaRole.Button, new() { Name = "I will join online" }).ClickAsync();
        await Expect(entry.Locator(".my-answer")).ToHaveTextAsync("Your answer: online.");
        await Expect(entry.GetByRole(AriaRole.Button, new() { Name = "I will join online" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Screenshot(ani, "home-agenda");

        await desk.GetByRole(AriaRole.Button, new() { Name = "Refresh the list" }).ClickAsync();
        await Expect(desk.Locator($"#invitations-table tr[data-member='{w.Ani.MemberId}'] td.answer")).ToHaveTextAsync("online");
        await Expect(rows.Filter(new() { Has = desk.Locator("td.delivery", new() { HasText = "Sent" }) })).ToHaveCountAsync(6, Server);
        await Screenshot(desk, "session-desk-invitations");

        var chair = await SignedIn(w.Chair.Email, $"/sessions/{w.SessionId}/console");
        await Expect(chair.Locator("#rsvp-table tr[data-group=Government] td[data-answer=Online]")).ToHaveTextAsync("1");
        await Expect(chair.Locator("#rsvp-table tr[data-group=Government] td[data-answer=none]")).ToHaveTextAsync("1");
        await Screenshot(chair, "console-rsvp");
    }

    [Fact]
    public async Task The_secretariat_revises_both_co_chairs_approve_it_is_published_and_anyone_downloads_and_verifies_it()
    {
        var w = await World();
        await Post(w.Chair.Token, w.Session("/open"));
        foreach (var p in new[] { w.Chair, w.CsoChair, w.Ani, w.Nino })
            await Post(p.Token, w.Session("/check-in"), new { presence = "InRoom" });
        await Post(w.Chair.Token, w.Item("/open"));
        await Post(w.Chair.Token, w.Item("/proposal"), new { text = "Publish the register by June." });
        await Post(w.Chair.Token, w.Item("/decision"), new { outcome = "Deferred", text = "Deferred to the autumn plenary." });
        await Post(w.Chair.Token, w.Item("/close"));
        await Post(w.Chair.Token, w.Session("/close"));

        // The desk waits for the draft, then offers its Markdown to revise, with a preview from the server.
        var desk = await SignedIn(WebWorld.SecretariatEmail, $"/sessions/{w.SessionId}/desk");
        var markdown = desk.GetByLabel("Minutes (Markdown)");
        await Expect(markdown).ToHaveValueAsync(new Regex(WebWorld.SessionTitle), new() { Timeout = 30_000 });
        await markdown.FillAsync(await markdown.InputValueAsync() + "\n\nRevised by the secretariat: <b>no markup</b>.\n");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();
        await Expect(desk.Locator("#minutes-note")).ToHaveTextAsync("Saved as revision 1; the co-chairs approve it again.");
        await Expect(desk.FrameLocator("#minutes-preview").GetByText("Revised by the secretariat: <b>no markup</b>.")).ToBeVisibleAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(desk.Locator("#minutes-alert")).ToHaveTextAsync(new Regex("published only after both co-chairs approved revision 1"));
        await Screenshot(desk, "session-desk-minutes-draft");

        // Each co-chair approves from their own page: the console, and the participant page.
        var chair = await SignedIn(w.Chair.Email, $"/sessions/{w.SessionId}/console");
        var cso = await SignedIn(w.CsoChair.Email, $"/sessions/{w.SessionId}");
        await Expect(cso.Locator("#minutes-approvals li[data-group=Government]")).ToContainTextAsync("not approved yet");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Approve the minutes" }).ClickAsync();
        await Expect(chair.Locator("#minutes-note")).ToHaveTextAsync("You approved revision 1.");
        await Expect(chair.Locator("#minutes-approvals li[data-group=Government]")).ToContainTextAsync("approved by Olena Koval");
        await Screenshot(chair, "console-minutes");
        // The desk and the other co-chair's page show each approval as it is given, pushed over their live connection:
        // they have nothing to refresh.
        await Expect(desk.Locator("#minutes-approvals li[data-group=Government]")).ToContainTextAsync("approved by Olena Koval");
        await Expect(desk.Locator("#minutes-approvals li[data-group=CivilSociety]")).ToContainTextAsync("not approved yet");
        await Expect(cso.Locator("#minutes-approvals li[data-group=Government]")).ToContainTextAsync("approved by Olena Koval");
        foreach (var page in new[] { desk, chair, cso })
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Refresh", Exact = true })).ToHaveCountAsync(0);
        await cso.GetByRole(AriaRole.Button, new() { Name = "Approve the minutes" }).ClickAsync();
        await Expect(cso.Locator("#minutes-approvals li[data-group=CivilSociety]")).ToContainTextAsync("approved by Ion Rusu");
        await Expect(cso.Locator("#minutes-approvals li[data-group=Government]")).ToContainTextAsync("approved by Olena Koval");
        await Expect(chair.Locator("#minutes-approvals li[data-group=CivilSociety]")).ToContainTextAsync("approved by Ion Rusu");

        await Expect(desk.Locator("#minutes-approvals li[data-group=CivilSociety]")).ToContainTextAsync("approved by Ion Rusu");
        await Expect(desk.Locator("#publish-help")).ToHaveTextAsync("Both co-chairs approved this revision: the minutes can be published and signed.");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(desk.Locator("#minutes-note")).ToHaveTextAsync("Published and signed. The minutes are in the public archive.", new() { Timeout = 30_000 });
        await Expect(desk.Locator("#minutes-status")).ToContainTextAsync("Published");
        await desk.GetByRole(AriaRole.Button, new() { Name = $"Verify the minutes of {WebWorld.SessionTitle}" }).ClickAsync();
        await Expect(desk.Locator(".verify-result")).ToContainTextAsync("These minutes are intact and validly signed.");
        await Screenshot(desk, "session-desk-minutes-published");

        // Anyone, without signing in: the archive lists them; the PDF downloads; they verify.
        var visitor = await NewPage();
        await visitor.GotoAsync($"/forums/{w.ForumId}/minutes");
        var listed = visitor.Locator("li.archive-entry");
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed.GetByRole(AriaRole.Heading)).ToHaveTextAsync(WebWorld.SessionTitle);
        var download = await visitor.RunAndWaitForDownloadAsync(() => listed.GetByRole(AriaRole.Link, new() { Name = "Signed PDF" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        await listed.GetByRole(AriaRole.Button, new() { Name = $"Verify the minutes of {WebWorld.SessionTitle}" }).ClickAsync();
        var result = listed.Locator(".verify-result");
        await Expect(result).ToContainTextAsync("These minutes are intact and validly signed.");
        await Expect(result).ToContainTextAsync("Document intact");
        await Expect(result).ToContainTextAsync("Record intact");
        await Expect(result).ToContainTextAsync("Signature valid.");
        // The whole archive, as one chain of signed minutes.
        await Expect(listed.Locator(".meta")).ToContainTextAsync("No. 1 in the forum's chain of signed minutes");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Verify the whole archive" }).ClickAsync();
        await Expect(visitor.Locator("#archive-verify-result")).ToContainTextAsync("The archive is intact");
        await Expect(visitor.Locator("#archive-verify-result")).ToContainTextAsync("Minutes in the chain: 1.");
        await Screenshot(visitor, "archive");
    }
}
