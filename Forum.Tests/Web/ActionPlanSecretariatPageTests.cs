using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

/// <summary>
/// The secretariat's last steps with a plan, in the pages: linking a decision's action point to a commitment and milestone,
/// closing the plan (asked first, refused in the reader's language when it is closed already), and the plan's pages read
/// on a wide desk screen and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ActionPlanSecretariatPageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    private const string PlanTitle = "National Action Plan 2026–2028";
    private const string CommitmentTitle = "Open beneficial ownership register";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<(string Plan, string Commitment, string Milestone)> PlanWithCommitment(WebWorld w)
    {
        var plan = (await Post(w.Secretariat, $"/api/forums/{w.ForumId}/action-plans", new
        {
            title = PlanTitle, startsOn = Today.AddDays(-30), endsOn = Today.AddDays(700), proposalsCloseOn = Today.AddDays(20),
        })).GetProperty("actionPlanId").GetString()!;
        var commitment = (await Post(w.Secretariat, $"/api/action-plans/{plan}/commitments", new
        {
            title = CommitmentTitle, problem = "Shell companies hide who owns them.", description = "A public register of beneficial owners.",
            solution = "Journalists and banks can see who owns a company.", values = new[] { "Transparency" }, leadInstitution = "Ministry of Justice",
            supportingActors = new[] { new { name = "Transparency Georgia", group = "CivilSociety" }, new { name = "https://opendata.example.org/beneficial-ownership-coalition", group = "CivilSociety" } },
            startsOn = Today.AddDays(-20), endsOn = Today.AddDays(600), reporterMemberIds = new[] { w.Chair.MemberId },
        })).GetProperty("commitmentId").GetString()!;
        var milestone = (await Post(w.Secretariat, $"/api/commitments/{commitment}/milestones", new
        {
            title = "Register law drafted and sent to parliament for its first reading", output = "A draft law", startsOn = Today.AddDays(-15), endsOn = Today.AddDays(90),
        })).GetProperty("milestoneId").GetString()!;
        return (plan, commitment, milestone);
    }

    [Fact]
    public async Task The_secretariat_links_a_decisions_action_point_to_a_commitment_and_milestone_and_the_page_shows_the_commitment()
    {
        var w = await World();
        var (_, commitment, milestone) = await PlanWithCommitment(w);
        // A decision with an action point, on an item about no commitment: it starts unlinked.
        await Post(w.Chair.Token, w.Session("/open"));
        foreach (var p in new[] { w.Chair, w.CsoChair, w.Ani, w.Nino })
            await Post(p.Token, w.Session("/check-in"), new { presence = "Online" });
        await Post(w.Chair.Token, w.Item("/open"));
        await Post(w.Chair.Token, w.Item("/proposal"), new { text = "Cost the register first." });
        await Post(w.Chair.Token, w.Item("/decision"), new
        {
            outcome = "ConsensusReached", text = "Agreed.", actionPoints = new[] { new { description = "Cost the register", ownerMemberId = w.Ani.MemberId, due = Today.AddDays(30) } },
        });

        var sec = await SignedIn(WebWorld.SecretariatEmail, "/action-points");
        var card = sec.Locator("#link-card");
        await Expect(card.GetByRole(AriaRole.Heading, new() { Name = WebWorld.ForumName })).ToBeVisibleAsync();
        var entry = card.Locator(".action-point").Filter(new() { HasText = "Cost the register" });
        var form = entry.GetByRole(AriaRole.Form, new() { Name = "Link: Cost the register" });
        await Expect(entry).ToContainTextAsync($"{w.Ani.Name} · Due {Today.AddDays(30):yyyy-MM-dd}");
        await Expect(entry.Locator(".linked-to")).ToHaveTextAsync("Not linked to a commitment yet.");

        // Saving without a commitment is refused with the rule's detail, and links nothing.
        await form.GetByRole(AriaRole.Button, new() { Name = "Save the link" }).ClickAsync();
        await Expect(form.Locator(".alert")).ToHaveTextAsync("'commitmentId' is required.");

        await form.GetByLabel("Commitment").SelectOptionAsync(commitment);
        await form.GetByLabel("Milestone (optional)").SelectOptionAsync(milestone);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save the link" }).ClickAsync();
        await Expect(sec.Locator("#link-note")).ToHaveTextAsync($"Linked “Cost the register” to 1. {CommitmentTitle}.");
        await Expect(entry.Locator(".linked-to")).ToHaveTextAsync($"Commitment: 1. {CommitmentTitle} · Register law drafted and sent to parliament for its first reading");
        await Expect(form.GetByLabel("Milestone (optional)")).ToHaveValueAsync(milestone);
        await entry.Locator(".linked-to").GetByRole(AriaRole.Link, new() { Name = $"1. {CommitmentTitle}" }).ClickAsync();
        await Expect(sec).ToHaveURLAsync($"{Fixture.BaseUrl}/commitments/{commitment}");

        var phone = await SignedIn(WebWorld.SecretariatEmail, "/action-points", phone: true);
        await Expect(phone.Locator("#link-card .linked-to a")).ToHaveTextAsync($"1. {CommitmentTitle}");
        (await NoSidewaysScroll(phone)).ShouldBeTrue("the action points scroll sideways at 390 px");

        // The owner, who may not link, has no such list; her own action point now leads to the commitment.
        var ani = await SignedIn(w.Ani.Email, "/action-points");
        await Expect(ani.Locator("#points [data-action-point] a[href='/commitments/" + commitment + "']")).ToHaveTextAsync($"1. {CommitmentTitle}");
        await Expect(ani.Locator("#link-card")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_secretariat_closes_the_plan_after_confirming_its_pages_read_well_wide_and_on_a_phone_and_a_second_close_is_refused_in_Ukrainian()
    {
        var w = await World();
        var (plan, commitment, _) = await PlanWithCommitment(w);
        await Post(w.Nino.Token, $"/api/action-plans/{plan}/proposals", new
        {
            title = "Publish who owns companies, with the full chain of ownership through every intermediate company",
            problem = "Shell companies hide their owners.",
            solution = "A public register of beneficial owners as open data, like https://data.gov.example/registers/beneficial-ownership/2026/full-export-with-history.csv",
        });

        // The timeline's labels keep a readable size however wide the window is (the SVG once scaled its text with its width).
        var sec = await SignedIn(WebWorld.SecretariatEmail, $"/action-plans/{plan}");
        await sec.SetViewportSizeAsync(1400, 900);
        var wide = await LabelBox(sec);
        wide.SvgWidth.ShouldBeGreaterThan(1000);
        wide.Height.ShouldBeInRange(10, 20, $"label {wide.Height} px high at 1,400 px");
        wide.FontSize.ShouldBe("12px");
        await Screenshot(sec, "action-plan-wide");

        // On a phone: the labels stay as they are, and none of the plan's pages scrolls sideways, with the secretariat's forms shown.
        var phone = await SignedIn(WebWorld.SecretariatEmail, $"/action-plans/{plan}", phone: true);
        var narrow = await LabelBox(phone);
        narrow.Height.ShouldBeInRange(10, 20, $"label {narrow.Height} px high at 390 px");
        (await NoSidewaysScroll(phone)).ShouldBeTrue("the plan scrolls sideways at 390 px");
        await phone.GotoAsync($"/action-plans/{plan}/proposals");
        await Expect(phone.Locator(".proposal-entry .answer-form")).ToBeVisibleAsync();
        await Expect(phone.Locator("#propose-form")).ToBeVisibleAsync();
        (await NoSidewaysScroll(phone)).ShouldBeTrue("the proposals scroll sideways at 390 px");
        await phone.GotoAsync($"/commitments/{commitment}");
        await Expect(phone.Locator("#amend-form form")).ToBeVisibleAsync();
        (await NoSidewaysScroll(phone)).ShouldBeTrue("the commitment scrolls sideways at 390 px");
        await Screenshot(phone, "commitment-secretariat-phone");
        await phone.GotoAsync($"/commitments/{commitment}?lang=ka");
        await Expect(phone.Locator("#amend-form form")).ToBeVisibleAsync();
        (await NoSidewaysScroll(phone)).ShouldBeTrue("the commitment scrolls sideways at 390 px in Georgian");
        await phone.GotoAsync($"/action-plans/{plan}/proposals");
        await Expect(phone.Locator(".proposal-entry .answer-form")).ToBeVisibleAsync();
        (await NoSidewaysScroll(phone)).ShouldBeTrue("the proposals scroll sideways at 390 px in Georgian");
        await Screenshot(phone, "proposals-secretariat-phone-ka");

        // A second secretariat window, in Ukrainian, still shows the button after the plan is closed in the first.
        var secUk = await SignedIn(WebWorld.SecretariatEmail, $"/action-plans/{plan}?lang=uk");
        await Expect(secUk.Locator("#close-button")).ToHaveTextAsync("Закрити цей план дій");

        // Asked first; keeping it changes nothing.
        await sec.GetByRole(AriaRole.Button, new() { Name = "Close this action plan" }).ClickAsync();
        var dialog = sec.Locator("dialog.confirm");
        await Expect(dialog.Locator("#confirm-message")).ToHaveTextAsync($"Close “{PlanTitle}”? Its record stops changing for good; this cannot be undone.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(sec.Locator("#plan-meta")).ToContainTextAsync("Open");
        await sec.GetByRole(AriaRole.Button, new() { Name = "Close this action plan" }).ClickAsync();
        await dialog.GetByLabel("A note for the record (optional)").FillAsync("The cycle ended with the IRM's report.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close this action plan" }).ClickAsync();

        await Expect(sec.Locator("#plan-meta .badge")).ToHaveTextAsync("Closed");
        await Expect(sec.Locator("#plan-closed")).ToHaveTextAsync(
            "This action plan is closed: its record no longer changes, so it takes no more proposals, responses, commitments, milestones, progress reports or assessments.");
        await Expect(sec.Locator("#draft")).ToBeHiddenAsync();
        await Expect(sec.Locator("#close")).ToBeHiddenAsync();
        await sec.GotoAsync($"/action-plans/{plan}/proposals");
        await Expect(sec.Locator("#plan-closed")).ToBeVisibleAsync();
        await Expect(sec.Locator(".proposal-entry")).ToHaveCountAsync(1);
        await Expect(sec.Locator(".answer-form")).ToHaveCountAsync(0);
        await Expect(sec.Locator("#propose")).ToBeHiddenAsync();
        await sec.GotoAsync($"/commitments/{commitment}");
        await Expect(sec.Locator("#plan-closed")).ToBeVisibleAsync();
        await Expect(sec.Locator("#secretariat")).ToBeHiddenAsync();

        // The Ukrainian window asks in Ukrainian, and is refused with the rule's detail in Ukrainian.
        await secUk.Locator("#close-button").ClickAsync();
        var dialogUk = secUk.Locator("dialog.confirm");
        await Expect(dialogUk.Locator("#confirm-message")).ToHaveTextAsync($"Закрити «{PlanTitle}»? Його запис більше ніколи не зміниться; цю дію не можна скасувати.");
        await dialogUk.Locator("#confirm-yes").ClickAsync();
        await Expect(secUk.Locator("#close-alert")).ToHaveTextAsync("Цей план дій закрито; зміни до нього більше не вносяться.");
        var closed = await Api(w.Secretariat, HttpMethod.Get, $"/api/action-plans/{plan}");
        closed.GetProperty("status").GetString().ShouldBe("Closed");
    }

    private sealed record Box(double Height, double SvgWidth, string FontSize);

    private static async Task<Box> LabelBox(IPage page)
    {
        var label = page.Locator("#timeline svg .milestone .label").First;
        await Expect(label).ToBeAttachedAsync();
        var box = await label.EvaluateAsync<JsonElement>(
            "t => ({ height: t.getBoundingClientRect().height, svgWidth: t.ownerSVGElement.getBoundingClientRect().width, fontSize: getComputedStyle(t).fontSize })");
        return new Box(box.GetProperty("height").GetDouble(), box.GetProperty("svgWidth").GetDouble(), box.GetProperty("fontSize").GetString()!);
    }

    private static Task<bool> NoSidewaysScroll(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
