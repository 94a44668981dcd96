using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

/// <summary>
/// The action plan's whole story in the pages (issue 10): a proposal from civil society, the secretariat's reasoned answer
/// and the commitment it drafts, adoption by a session's consensus, the government's report with a file, civil society's
/// own assessment, the gap on the public page, and the open data.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ActionPlanPageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    private const string PlanTitle = "National Action Plan 2026–2028";
    private const string CommitmentTitle = "Open beneficial ownership register";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task Civil_society_proposes_the_secretariat_answers_a_session_adopts_government_and_civil_society_report_and_the_public_sees_the_gap()
    {
        var w = await World();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The secretariat opens the plan from the forum's action plans.
        var sec = await SignedIn(WebWorld.SecretariatEmail, $"/forums/{w.ForumId}/action-plans");
        await sec.GetByLabel("Title (such as National Action Plan 2026–2028)").FillAsync(PlanTitle);
        await sec.GetByLabel("Starts on").FillAsync(Day(-30));
        await sec.GetByLabel("Ends on").FillAsync(Day(700));
        await sec.GetByLabel("Proposals close on").FillAsync(Day(20));
        await sec.GetByRole(AriaRole.Button, new() { Name = "Open the action plan" }).ClickAsync();
        await Expect(sec).ToHaveURLAsync(new Regex("/action-plans/[0-9a-f-]{36}$"));
        var planId = sec.Url.Split('/').Last();
        await Expect(sec.Locator("#plan-title")).ToHaveTextAsync(PlanTitle);

        // 1. A civil-society member proposes, and consents to show a name; the address never shows.
        var nino = await SignedIn(w.Nino.Email, $"/action-plans/{planId}/proposals");
        await nino.GetByLabel("Title").FillAsync("Publish who owns companies");
        await nino.GetByLabel("The problem").FillAsync("Shell companies hide their owners.");
        await nino.GetByLabel("Suggested solution").FillAsync("A public register of beneficial owners as open data.");
        await nino.GetByLabel("Show my name with the proposal").CheckAsync();
        await nino.GetByLabel("Name to show").FillAsync("Nino B., Transparency Georgia");
        await nino.GetByRole(AriaRole.Button, new() { Name = "Send the proposal" }).ClickAsync();
        await Expect(nino.Locator("#propose-note")).ToHaveTextAsync("Your proposal was sent. It is listed below.");
        var proposal = nino.Locator(".proposal-entry");
        await Expect(proposal).ToContainTextAsync("Nino B., Transparency Georgia");
        await Expect(proposal).ToContainTextAsync("Awaiting a response.");
        await Expect(proposal).Not.ToContainTextAsync(w.Nino.Email);

        // 2. The secretariat drafts the commitment on the plan's page, adds a milestone that is already overdue, and answers.
        var draft = sec.Locator("#draft");
        await draft.GetByLabel("Title", new() { Exact = true }).FillAsync(CommitmentTitle);
        await draft.GetByLabel("Public problem").FillAsync("Shell companies hide who owns them.");
        await draft.GetByLabel("What is the commitment?").FillAsync("A public register of beneficial owners.");
        await draft.GetByLabel("How will it solve the problem?").FillAsync("Journalists and banks can see who owns a company.");
        await draft.GetByLabel("Transparency", new() { Exact = true }).CheckAsync();
        await draft.GetByLabel("Lead institution").FillAsync("Ministry of Justice");
        await draft.GetByLabel("Supporting actors from civil society (one per line)").FillAsync("Transparency Georgia");
        await draft.GetByLabel("Starts on").FillAsync(Day(-20));
        await draft.GetByLabel("Ends on").FillAsync(Day(600));
        await draft.GetByLabel("Olena Koval (Ministry of Justice)").CheckAsync();
        await sec.GetByRole(AriaRole.Button, new() { Name = "Draft the commitment" }).ClickAsync();
        await Expect(sec).ToHaveURLAsync(new Regex("/commitments/[0-9a-f-]{36}$"));
        var commitmentId = sec.Url.Split('/').Last();
        await Expect(sec.Locator("#commitment-title")).ToHaveTextAsync($"Commitment 1: {CommitmentTitle}");
        await sec.GetByLabel("Milestone title").FillAsync("Register law drafted");
        await sec.GetByLabel("Expected output").FillAsync("A draft law sent to parliament");
        await sec.Locator("#ms-starts").FillAsync(Day(-15));
        await sec.Locator("#ms-ends").FillAsync(Day(-1));
        await sec.GetByRole(AriaRole.Button, new() { Name = "Save the milestone" }).ClickAsync();
        await Expect(sec.Locator(".milestone-list li.overdue")).ToContainTextAsync("Register law drafted");

        // A refused answer shows the rule's detail in the reader's language (here Ukrainian), and nothing is recorded.
        await sec.GotoAsync($"/action-plans/{planId}/proposals?lang=uk");
        await sec.Locator(".answer-form button[type=submit]").ClickAsync();
        await Expect(sec.Locator(".answer-form .alert")).ToHaveTextAsync("«reason» — обов’язкове поле.");
        await sec.GotoAsync($"/action-plans/{planId}/proposals?lang=en");
        await sec.GetByLabel("Response", new() { Exact = true }).SelectOptionAsync("Adopted");
        await sec.GetByLabel("Reason (shown in public)").FillAsync("Taken into commitment 1 as proposed.");
        await sec.GetByLabel("Commitment (when adopted or merged)").SelectOptionAsync(commitmentId);
        await sec.GetByRole(AriaRole.Button, new() { Name = "Send the response" }).ClickAsync();
        await Expect(sec.Locator(".proposal-entry .response")).ToContainTextAsync("Taken into commitment 1 as proposed.");
        await Expect(sec.Locator(".proposal-entry .response")).ToContainTextAsync($"Taken into commitment 1. {CommitmentTitle}");

        // 3. The secretariat puts it on the session's agenda; the session adopts it by consensus (driven through the API).
        await sec.GotoAsync($"/commitments/{commitmentId}");
        await Expect(sec.GetByLabel("Agenda item")).ToHaveValueAsync($"Adopt commitment 1: {CommitmentTitle}");
        await sec.GetByRole(AriaRole.Button, new() { Name = "Add to the agenda" }).ClickAsync();
        await Expect(sec.Locator("#agenda-note")).ToContainTextAsync($"On the agenda of {WebWorld.SessionTitle}");
        var board = await Api(w.Secretariat, HttpMethod.Get, w.Session());
        var item = board.GetProperty("agenda").EnumerateArray().Single(i => i.GetProperty("title").GetString() == $"Adopt commitment 1: {CommitmentTitle}")
            .GetProperty("itemId").GetGuid();
        await Post(w.Chair.Token, w.Session("/open"));
        foreach (var p in new[] { w.Chair, w.CsoChair, w.Ani, w.Nino, w.Aram })
            await Post(p.Token, w.Session("/check-in"), new { presence = "Online" });
        await Post(w.Chair.Token, w.Session($"/items/{item}/open"));
        await Post(w.Chair.Token, w.Session($"/items/{item}/proposal"), new { text = "The forum adopts commitment 1." });
        await Post(w.Chair.Token, w.Session($"/items/{item}/decision"), new { outcome = "ConsensusReached", text = "Adopted as drafted." });
        await Adopted(w, commitmentId);

        // 4. The reporter, of the lead institution, reports "Substantial" with a file.
        var olena = await SignedIn(w.Chair.Email, $"/commitments/{commitmentId}");
        await Expect(olena.Locator("#commitment-meta")).ToContainTextAsync("Adopted");
        await olena.GetByLabel("Completion (IRM scale)").SelectOptionAsync("Substantial");
        await olena.GetByLabel("Note").FillAsync("The draft law is in parliament.");
        await olena.GetByLabel("Evidence files").SetInputFilesAsync(new FilePayload { Name = "draft-law.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await olena.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        var report = olena.Locator("#reports .report-entry").First;
        await Expect(report).ToContainTextAsync("Substantial");
        await Expect(report).ToContainTextAsync("The draft law is in parliament.");
        await Expect(report.GetByRole(AriaRole.Link, new() { Name = "draft-law.pdf" })).ToBeVisibleAsync();
        await Screenshot(olena, "commitment-reporter");
        var evidenceUrl = await report.GetByRole(AriaRole.Link, new() { Name = "draft-law.pdf" }).GetAttributeAsync("href");
        using (var http = new HttpClient { BaseAddress = new Uri(Fixture.BaseUrl) })
            SHA256.HashData(await http.GetByteArrayAsync(evidenceUrl)).ShouldBe(SHA256.HashData(Pdf));

        // 5. A civil-society member assesses "Limited": their own view.
        await nino.GotoAsync($"/commitments/{commitmentId}");
        await Expect(nino.Locator("#report-card")).ToBeHiddenAsync();
        await nino.GetByLabel("Completion (IRM scale)").SelectOptionAsync("Limited");
        await nino.GetByLabel("Note").FillAsync("The law is drafted, but the register is not open.");
        await nino.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();
        await Expect(nino.Locator("#assessments .assessment-entry").First).ToContainTextAsync("Limited");
        await Expect(nino.Locator("#history")).ToContainTextAsync("Assessment recorded");

        // The commitment's history opens it as it stood after any change: just drafted, nothing reported yet.
        await nino.Locator("#history li[data-change=CommitmentDrafted] a").ClickAsync();
        await Expect(nino.Locator("#as-of")).ToContainTextAsync("As it stood on");
        await Expect(nino.Locator("#commitment-meta")).ToContainTextAsync("Not yet adopted in session");
        await Expect(nino.Locator("#reports")).ToHaveTextAsync("No progress reported yet.");
        await Expect(nino.Locator("#assess-card")).ToBeHiddenAsync();

        // 6. Anyone, without signing in, on a phone, sees the gap, the overdue milestone, and can filter.
        var visitor = await NewPage(phone: true);
        await visitor.GotoAsync($"/action-plans/{planId}");
        var line = visitor.Locator($".gap-list li[data-commitment='{commitmentId}']");
        await Expect(line).ToContainTextAsync("Government: Substantial · Civil society: Limited");
        await Expect(line.Locator(".gap-text")).ToHaveTextAsync("Assessment gap: +1: the government sees more progress");
        await Expect(visitor.Locator("#chart svg .gap-line")).ToHaveCountAsync(1);
        await Expect(visitor.Locator("#timeline svg .milestone.overdue")).ToHaveCountAsync(1);
        await Expect(visitor.Locator("#overdue-summary")).ToHaveTextAsync("Overdue milestones: 1");
        await visitor.GetByLabel("Status").SelectOptionAsync("Draft");
        await Expect(visitor.Locator("#commitments")).ToHaveTextAsync("No commitments yet.");
        await visitor.GetByLabel("Status").SelectOptionAsync("Adopted");
        await visitor.GetByLabel("Lead institution").SelectOptionAsync("Ministry of Justice");
        await Expect(visitor.Locator("#commitments li")).ToContainTextAsync(CommitmentTitle);
        (await visitor.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await Screenshot(visitor, "action-plan-phone");

        // 7. The open data: the CSV the page links to parses, and has the commitment's row with both levels and the gap.
        var csvUrl = await visitor.Locator("#csv-link").GetAttributeAsync("href");
        using var client = new HttpClient { BaseAddress = new Uri(Fixture.BaseUrl) };
        using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(await client.GetStringAsync(csvUrl))), null, false);
        var columns = new[] { "commitment_title", "commitment_status", "government_level", "civil_society_level", "assessment_gap", "milestone_title", "milestone_overdue" };
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(columns.ToDictionary(c => c, c => reader.GetString(c)));
        var row = rows.ShouldHaveSingleItem();
        row["commitment_title"].ShouldBe(CommitmentTitle);
        row["commitment_status"].ShouldBe("Adopted");
        row["government_level"].ShouldBe("Substantial");
        row["civil_society_level"].ShouldBe("Limited");
        row["assessment_gap"].ShouldBe("1");
        row["milestone_title"].ShouldBe("Register law drafted");
        row["milestone_overdue"].ShouldBe("true");
    }

    /// <summary>Adoption follows the decision through a durable message: poll the public API until it shows, with a deadline.</summary>
    private async Task Adopted(WebWorld w, string commitmentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var c = await Api(w.Secretariat, HttpMethod.Get, $"/api/commitments/{commitmentId}");
            if (c.GetProperty("status").GetString() == "Adopted") return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Commitment {commitmentId} was not adopted: {c.GetProperty("status")}");
            await Task.Yield();
        }
    }
}
