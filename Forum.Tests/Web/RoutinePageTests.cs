using System.Net;
using System.Net.Http.Headers;
using Forum.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

/// <summary>The secretariat's ordinary year in pages: the session's date, the agenda, the roster, the rules, tokens, action points.</summary>
[Collection(BrowserCollection.Name)]
public class RoutinePageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    private static readonly TimeSpan MailWithin = TimeSpan.FromSeconds(30);

    private static string Local(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm");

    /// <summary>Each invitee's mail whose subject starts so (one per person: the invitation went to five members).</summary>
    private Task MailedToAll(WebWorld w, string subjectStart) => Poll.Until(
        () => Task.FromResult(Recipients(subjectStart).Count == 5), MailWithin,
        () => $"'{subjectStart}' mailed to {string.Join(", ", Recipients(subjectStart))}");

    private HashSet<string> Recipients(string subjectStart) =>
        Fixture.Smtp.ReceivedEmail.Where(m => m.Subject.StartsWith(subjectStart)).Select(m => m.ToAddresses.Single().Address).ToHashSet();

    [Fact]
    public async Task The_secretariat_moves_a_session_then_cancels_it_from_its_desk_and_the_invitees_are_mailed_each_change()
    {
        var w = await World();
        await Post(w.Secretariat, w.Session("/invitations"), new { all = true });
        await MailedToAll(w, "Invitation: ");
        var desk = await SignedIn(WebWorld.SecretariatEmail, $"/sessions/{w.SessionId}/desk");
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = WebWorld.SessionTitle })).ToBeVisibleAsync();

        // Into the past: refused, in the rule's words.
        var yesterday = DateTime.Now.AddDays(-1);
        await desk.GetByLabel("Starts", new() { Exact = true }).FillAsync(Local(yesterday));
        await desk.GetByLabel("Ends", new() { Exact = true }).FillAsync(Local(yesterday.AddHours(2)));
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save the new date" }).ClickAsync();
        await Expect(desk.Locator("#schedule-alert")).ToContainTextAsync("has already passed; choose a time still to come.");

        var later = DateTime.Now.Date.AddDays(9).AddHours(10);
        await desk.GetByLabel("Starts", new() { Exact = true }).FillAsync(Local(later));
        await desk.GetByLabel("Ends", new() { Exact = true }).FillAsync(Local(later.AddHours(3)));
        await desk.Locator("#r-venue").FillAsync("Gyumri, City Hall");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save the new date" }).ClickAsync();
        await Expect(desk.Locator("#schedule-note")).ToHaveTextAsync("Saved. The invitees are mailed the new details.");
        await Expect(desk.Locator("#heading")).ToContainTextAsync("Gyumri, City Hall");
        await MailedToAll(w, "Updated: Spring plenary");
        await Screenshot(desk, "session-desk-schedule");

        // Cancelling asks first; without a reason the dialog does not go; kept, nothing happens.
        await desk.GetByRole(AriaRole.Button, new() { Name = "Cancel the session" }).ClickAsync();
        var dialog = desk.Locator("dialog.confirm");
        await Expect(dialog).ToContainTextAsync("Cancel “Spring plenary”? Everyone invited is mailed the cancellation.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(desk.Locator("#heading .badge")).ToHaveTextAsync("Scheduled");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Cancel the session" }).ClickAsync();
        await dialog.GetByLabel("Reason (sent to the invitees)").FillAsync("The venue is closed for repairs.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel the session" }).ClickAsync();
        await Expect(desk.Locator("#schedule-note")).ToHaveTextAsync("The session is cancelled. The invitees are mailed the cancellation.");
        await Expect(desk.Locator("#heading")).ToContainTextAsync("This session was cancelled. The venue is closed for repairs.");
        await MailedToAll(w, "Cancelled: Spring plenary");
    }

    [Fact]
    public async Task A_new_session_is_not_scheduled_in_the_past_and_the_desk_says_so_in_its_language()
    {
        var w = await World();
        var desk = await SignedIn(WebWorld.SecretariatEmail, $"/forums/{w.ForumId}/desk?lang=uk");
        var yesterday = DateTime.Now.AddDays(-1);
        await desk.GetByLabel("Назва", new() { Exact = true }).FillAsync("Позачергове засідання");
        await desk.Locator("#s-starts").FillAsync(Local(yesterday));
        await desk.Locator("#s-ends").FillAsync(Local(yesterday.AddHours(2)));
        await desk.Locator("#s-mode").SelectOptionAsync("Online");
        await desk.Locator("#s-url").FillAsync("https://meet.example.org/extra");
        await desk.Locator("#schedule").ClickAsync();
        await Expect(desk.Locator("#schedule-alert")).ToHaveTextAsync("Початок уже минув; оберіть час, який ще не настав.");
        await Expect(desk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/forums/{w.ForumId}/desk"));

        var later = DateTime.Now.Date.AddDays(14).AddHours(10);
        await desk.Locator("#s-starts").FillAsync(Local(later));
        await desk.Locator("#s-ends").FillAsync(Local(later.AddHours(2)));
        await desk.Locator("#schedule").ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Позачергове засідання" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_secretariat_amends_reorders_and_withdraws_agenda_items_on_the_session_desk()
    {
        var w = await World();
        var desk = await SignedIn(WebWorld.SecretariatEmail, $"/sessions/{w.SessionId}/desk");
        var items = desk.Locator("#agenda ol > li");
        await Expect(items).ToHaveCountAsync(2);

        await desk.GetByRole(AriaRole.Button, new() { Name = "Amend Progress report" }).ClickAsync();
        var form = desk.Locator("form.amend");
        await form.GetByLabel("Minutes allotted").FillAsync("0");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save the item" }).ClickAsync();
        await Expect(desk.Locator("#agenda-alert")).ToHaveTextAsync("'minutes' must be between 1 and 600.");
        await form.GetByLabel("Title", new() { Exact = true }).FillAsync("Progress report on 2026");
        await form.GetByLabel("Minutes allotted").FillAsync("20");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save the item" }).ClickAsync();
        await Expect(items.First).ToContainTextAsync("Progress report on 2026");
        await Expect(items.First).ToContainTextAsync("20 min");
        await Expect(form).ToHaveCountAsync(0);

        await desk.GetByRole(AriaRole.Button, new() { Name = $"Move {WebWorld.ItemTitle} up" }).ClickAsync();
        await Expect(items.First).ToContainTextAsync(WebWorld.ItemTitle);
        await Expect(items.Nth(1)).ToContainTextAsync("Progress report on 2026");

        await desk.GetByRole(AriaRole.Button, new() { Name = "Withdraw Progress report on 2026" }).ClickAsync();
        var dialog = desk.Locator("dialog.confirm");
        await dialog.GetByLabel("Reason (shown on the agenda)").FillAsync("Moved to the autumn plenary.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(items.Nth(1)).ToContainTextAsync("Withdrawn");
        await Expect(items.Nth(1)).ToContainTextAsync("Withdrawn: Moved to the autumn plenary.");
        await Expect(items.Nth(1).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(desk.GetByRole(AriaRole.Button, new() { Name = $"Move {WebWorld.ItemTitle} down" })).ToHaveCountAsync(0);
        await Screenshot(desk, "session-desk-agenda");

        // On a phone the desk, with its agenda controls and the schedule form, fits the screen's width.
        var phone = await SignedIn(WebWorld.SecretariatEmail, $"/sessions/{w.SessionId}/desk", phone: true);
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Amend Commitment 3: beneficial ownership register" })).ToBeVisibleAsync();
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await Screenshot(phone, "session-desk-phone");

        var board = await Api(w.Chair.Token, HttpMethod.Get, w.Session());
        board.GetProperty("agenda")[0].GetProperty("title").GetString().ShouldBe(WebWorld.ItemTitle);
        board.GetProperty("agenda")[1].GetProperty("status").GetString().ShouldBe("Withdrawn");
    }

    [Fact]
    public async Task The_secretariat_changes_a_role_removes_a_member_stands_a_co_chair_down_and_sets_the_rules_on_the_forum_desk()
    {
        var w = await World();
        var desk = await SignedIn(WebWorld.SecretariatEmail, $"/forums/{w.ForumId}/desk");
        var member = (WebPerson p) => desk.Locator($"#roster li[data-member='{p.MemberId}']");

        await desk.GetByRole(AriaRole.Button, new() { Name = "Make Aram Hakobyan an observer" }).ClickAsync();
        await Expect(member(w.Aram).Locator(".badge")).ToHaveTextAsync("Observer");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Make Aram Hakobyan a voting member" }).ClickAsync();
        await Expect(member(w.Aram).Locator(".badge")).ToHaveCountAsync(0);

        await desk.GetByRole(AriaRole.Button, new() { Name = "Remove ნინო ბერიძე from the forum" }).ClickAsync();
        var dialog = desk.Locator("dialog.confirm");
        await Expect(dialog).ToContainTextAsync("Remove ნინო ბერიძე from the forum?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(member(w.Nino)).ToHaveCountAsync(0);

        await desk.GetByRole(AriaRole.Button, new() { Name = "Stand Ion Rusu down as co-chair" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stand down" }).ClickAsync();
        await Expect(member(w.CsoChair).GetByRole(AriaRole.Button, new() { Name = "Appoint Ion Rusu co-chair" })).ToBeVisibleAsync();

        await Expect(desk.Locator("#rules-now")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Quorum: 50% of the voting members present."));
        await desk.GetByLabel("Quorum: share of the voting members present (0 to 1, e.g. 0.5 for half)").FillAsync("0.6");
        await desk.GetByLabel("Government and civil society must both be present").CheckAsync();
        await desk.GetByLabel("Decision rule", new() { Exact = true }).SelectOptionAsync("Vote");
        await desk.GetByLabel("Share in favour for a vote to carry (above 0.5, at most 1)").FillAsync("0.75");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save the rules" }).ClickAsync();
        await Expect(desk.Locator("#rules-note")).ToHaveTextAsync("The rules are saved; they apply to sessions from now on.");
        await Expect(desk.Locator("#rules-now")).ToHaveTextAsync("Quorum: 60% of the voting members present. Both government and civil society must be present. "
            + "Decisions by consensus; failing it, a vote carries with 75% in favour.");
        await Screenshot(desk, "forum-desk-rules");

        var forum = await Api(w.Secretariat, HttpMethod.Get, $"/api/forums/{w.ForumId}");
        var rules = forum.GetProperty("rules");
        rules.GetProperty("quorumShare").GetDouble().ShouldBe(0.6);
        rules.GetProperty("parityRequired").GetBoolean().ShouldBeTrue();
        rules.GetProperty("voteThreshold").GetDouble().ShouldBe(0.75);
        forum.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ShouldNotContain(w.Nino.Name);

        var phone = await SignedIn(WebWorld.SecretariatEmail, $"/forums/{w.ForumId}/desk", phone: true);
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Stand Olena Koval down as co-chair" })).ToBeVisibleAsync();
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();

        // Refused in the page's language: a threshold a vote could carry with a minority, on the desk in Ukrainian.
        var uk = await SignedIn(WebWorld.SecretariatEmail, $"/forums/{w.ForumId}/desk?lang=uk");
        await Expect(uk.Locator("#rule-threshold")).ToHaveValueAsync("0.75");
        await uk.Locator("#rule-threshold").FillAsync("0.4");
        await uk.Locator("#save-rules").ClickAsync();
        await Expect(uk.Locator("#rules-alert")).ToHaveTextAsync("Якщо резервним способом є голосування, поріг має бути більшим за 0.5 і не більшим за 1 (наприклад, 0.66).");
    }

    [Fact]
    public async Task A_member_makes_a_personal_token_sees_it_once_lists_it_and_revokes_it()
    {
        var w = await World();
        var home = await SignedIn(w.Ani.Email, "/");
        var listed = home.Locator("#tokens li.token");
        await Expect(listed).ToHaveCountAsync(1); // the one the arrangement made

        await home.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(home.Locator("#token-alert")).ToHaveTextAsync("'name' is required.");
        await home.GetByLabel("Name of the token (what it is for)").FillAsync("laptop script");
        await home.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(home.Locator("#token-created")).ToContainTextAsync("Token “laptop script” is made. Copy it now: it is shown only this once.");
        var secret = await home.GetByLabel("Your new token").InputValueAsync();
        secret.ShouldStartWith("fk_");
        await Expect(listed).ToHaveCountAsync(2);
        await Expect(listed.Filter(new() { HasText = "laptop script" })).ToHaveCountAsync(1);
        (await Me(secret)).ShouldBe(HttpStatusCode.OK);
        await Screenshot(home, "home-tokens");

        // Shown once: after a reload the list names it, the secret is nowhere on the page.
        await home.ReloadAsync();
        await Expect(listed).ToHaveCountAsync(2);
        (await home.ContentAsync()).ShouldNotContain(secret);

        await home.GetByRole(AriaRole.Button, new() { Name = "Revoke the token laptop script" }).ClickAsync();
        var dialog = home.Locator("dialog.confirm");
        await Expect(dialog).ToContainTextAsync("Whatever uses it stops working at once.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed.Filter(new() { HasText = "laptop script" })).ToHaveCountAsync(0);
        (await Me(secret)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpStatusCode> Me(string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Fixture.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_co_chair_records_a_decision_with_several_action_points_from_the_console()
    {
        var w = await World();
        await Post(w.Chair.Token, w.Session("/open"));
        foreach (var p in new[] { w.Chair, w.CsoChair, w.Ani, w.Nino })
            await Post(p.Token, w.Session("/check-in"), new { presence = "InRoom" });
        await Post(w.Chair.Token, w.Item("/open"));
        await Post(w.Chair.Token, w.Item("/proposal"), new { text = "Publish the register by June." });

        var chair = await SignedIn(w.Chair.Email, $"/sessions/{w.SessionId}/console");
        await chair.GetByLabel("Outcome").SelectOptionAsync("Deferred");
        await chair.GetByLabel("Decision text").FillAsync("Deferred to the autumn plenary, with two tasks meanwhile.");
        var first = chair.GetByRole(AriaRole.Group, new() { Name = "Action point 1" });
        await first.GetByLabel("What is to be done").FillAsync("Cost the register");
        await first.GetByLabel("Owner").SelectOptionAsync(w.Ani.MemberId.ToString());
        await first.GetByLabel("Due date").FillAsync("2027-03-01");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Add an action point" }).ClickAsync();
        var second = chair.GetByRole(AriaRole.Group, new() { Name = "Action point 2" });
        await second.GetByLabel("What is to be done").FillAsync("Consult the data protection authority");
        await second.GetByLabel("Owner").SelectOptionAsync(w.Nino.MemberId.ToString());
        await chair.GetByRole(AriaRole.Button, new() { Name = "Add an action point" }).ClickAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Remove action point 3" }).ClickAsync();
        await Expect(chair.Locator(".action-point-row")).ToHaveCountAsync(2);

        // The second has no due date: refused, naming it; given one, both are recorded.
        await chair.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(chair.Locator("#decision-alert")).ToHaveTextAsync("Each action point has a due date (YYYY-MM-DD).");
        await second.GetByLabel("Due date").FillAsync("2027-04-15");
        await Screenshot(chair, "console-action-points");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        var points = chair.Locator("#decision-done .action-points li");
        await Expect(points).ToHaveCountAsync(2);
        await Expect(points.Nth(0)).ToHaveTextAsync($"Action point: Cost the register — {w.Ani.Name}, 2027-03-01");
        await Expect(points.Nth(1)).ToHaveTextAsync($"Action point: Consult the data protection authority — {w.Nino.Name}, 2027-04-15");

        var mine = await Api(w.Nino.Token, HttpMethod.Get, "/api/me/action-points");
        mine.ToString().ShouldContain("Consult the data protection authority");
    }
}
