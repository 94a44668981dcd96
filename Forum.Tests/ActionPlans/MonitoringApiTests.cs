using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Forum.Tests.Support;

namespace Forum.Tests.ActionPlans;

[Collection(ApiCollection.Name)]
public class MonitoringApiTests(ApiFixture fixture) : ActionPlanContext(fixture)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8, .. Enumerable.Range(0, 2048).Select(i => (byte)i)];

    private async Task<(int Status, JsonElement Body)> Upload(string? token, Guid commitment, byte[] bytes, string name, string type = "application/pdf")
    {
        using var client = Host.Server.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        var response = await client.PostAsync($"/api/commitments/{commitment}/evidence", form);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task The_reporter_reports_with_a_file_civil_society_assesses_and_the_tracker_shows_the_gap_and_what_is_overdue()
    {
        var w = await World();
        var (commitment, overdue, upcoming) = await AdoptedCommitment(w);

        var (status, uploaded) = await Upload(w.Reporter.Token, commitment, Pdf, "register-law.pdf");
        status.ShouldBe(201);
        uploaded.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Pdf)));
        var evidenceId = uploaded.GetProperty("evidenceId").GetGuid();
        var served = await Send(null, s => s.Get.Url($"/api/evidence/{evidenceId}"), 200);
        served.Context.Response.ContentType.ShouldBe("application/pdf");
        var body = new MemoryStream();
        await served.Context.Response.Body.CopyToAsync(body);
        body.ToArray().ShouldBe(Pdf);

        await PostJson(w.Reporter.Token, $"/api/commitments/{commitment}/progress", new
        {
            completion = "Substantial", note = "The law passed; the register is being built.",
            evidence = new object[] { new { title = "The law", evidenceId }, new { title = "Gazette", url = "https://monitorul.example.md/law" } },
        });
        await PostJson(w.Reporter.Token, $"/api/commitments/{commitment}/progress", new { milestoneId = upcoming, completion = "Limited", note = "Procurement started." });
        await PostJson(w.Cso.Token, $"/api/commitments/{commitment}/assessments", new { completion = "Limited", note = "The register is not public yet." });

        var tracker = await GetJson(null, w.Plan());
        var row = CommitmentIn(tracker, commitment);
        row.GetProperty("government").GetProperty("level").GetString().ShouldBe("Substantial");
        row.GetProperty("civilSociety").GetProperty("level").GetString().ShouldBe("Limited");
        row.GetProperty("civilSociety").GetProperty("by").GetString().ShouldBe("Ion Rusu");
        row.GetProperty("gap").GetInt32().ShouldBe(1);
        row.GetProperty("overdueMilestones").GetInt32().ShouldBe(1);
        tracker.GetProperty("overdue").EnumerateArray().Single().GetProperty("milestoneId").GetGuid().ShouldBe(overdue);
        row.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("milestoneId").GetGuid() == upcoming)
            .GetProperty("government").GetProperty("level").GetString().ShouldBe("Limited");

        var detail = await GetJson(null, $"/api/commitments/{commitment}");
        var evidence = detail.GetProperty("reports")[0].GetProperty("evidence");
        evidence[0].GetProperty("sha256").GetString().ShouldBe(uploaded.GetProperty("sha256").GetString());
        evidence[0].GetProperty("url").GetString().ShouldBe($"/api/evidence/{evidenceId}");
        evidence[1].GetProperty("url").GetString().ShouldBe("https://monitorul.example.md/law");
        detail.GetProperty("assessments")[0].GetProperty("assessor").GetProperty("organisation").GetString().ShouldBe("Transparency Watch");
    }

    [Fact]
    public async Task Progress_only_from_reporters_assessments_only_from_civil_society_and_other_voting_members()
    {
        var w = await World();
        var (draft, _, _) = await Commitment(w, "Still a draft");
        var (commitment, _, _) = await AdoptedCommitment(w);
        var before = await EventCount();
        var report = new { completion = "Complete", note = "Done." };
        ShouldBeProblem(await PostJson(w.Finance.Token, $"/api/commitments/{commitment}/progress", report, 403), 403, "reporters-only");
        ShouldBeProblem(await PostJson(w.Cso.Token, $"/api/commitments/{commitment}/progress", report, 403), 403, "reporters-only");
        ShouldBeProblem(await PostJson(null, $"/api/commitments/{commitment}/progress", report, 401), 401, "sign-in-required");
        ShouldBeProblem(await PostJson(w.Reporter.Token, $"/api/commitments/{draft}/progress", report, 409), 409, "commitment-not-adopted");
        ShouldBeProblem(await PostJson(w.Reporter.Token, $"/api/commitments/{commitment}/progress", new { completion = "Done", note = "x" }, 400), 400, "field-unreadable", "completion");
        ShouldBeProblem(await PostJson(w.Reporter.Token, $"/api/commitments/{commitment}/progress", new { completion = "Limited" }, 400), 400, "field-required", "note");
        ShouldBeProblem(await PostJson(w.Reporter.Token, $"/api/commitments/{commitment}/progress", new { completion = "Limited", note = "x", evidence = new[] { new { title = "X", evidenceId = Guid.NewGuid() } } }, 400),
            400, "evidence-file-unknown", "evidence[0].evidenceId");
        ShouldBeProblem(await PostJson(w.Reporter.Token, $"/api/commitments/{Guid.NewGuid()}/progress", report, 404), 404, "commitment-not-found");
        ShouldBeProblem(await PostJson(w.Reporter.Token, $"/api/commitments/{commitment}/assessments", report, 403), 403, "civil-society-or-other-voting-members-only");
        ShouldBeProblem(await PostJson(w.Observer.Token, $"/api/commitments/{commitment}/assessments", report, 403), 403, "civil-society-or-other-voting-members-only");
        ShouldBeProblem(await PostJson(await TokenFor("citizen@mail.test"), $"/api/commitments/{commitment}/assessments", report, 403), 403, "civil-society-or-other-voting-members-only");
        (await EventCount()).ShouldBe(before);
        await PostJson(w.Other.Token, $"/api/commitments/{commitment}/assessments", report);
    }

    [Fact]
    public async Task Evidence_that_is_too_large_or_not_a_document_or_image_is_refused_and_nothing_is_kept()
    {
        var w = await World();
        var (commitment, _, _) = await Commitment(w);
        var (status, problem) = await Upload(w.Reporter.Token, commitment, [.. "MZ"u8, 0, 0], "tool.exe", "application/octet-stream");
        status.ShouldBe(415);
        ShouldBeProblem(problem, 415, "evidence-type-not-allowed");
        (status, problem) = await Upload(w.Reporter.Token, commitment, Pdf, "photo.png", "image/png");
        status.ShouldBe(415);
        var tooLarge = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.7"u8.CopyTo(tooLarge);
        (status, problem) = await Upload(w.Reporter.Token, commitment, tooLarge, "huge.pdf");
        status.ShouldBe(413);
        ShouldBeProblem(problem, 413, "evidence-too-large");
        (status, problem) = await Upload(w.Finance.Token, commitment, Pdf, "law.pdf");
        status.ShouldBe(403);
        ShouldBeProblem(problem, 403, "reporters-or-assessors-only");
        (status, problem) = await Upload(null, commitment, Pdf, "law.pdf");
        status.ShouldBe(401);
        var json = await Send(w.Reporter.Token, s => s.Post.Json(new { file = "x" }).ToUrl($"/api/commitments/{commitment}/evidence"), 415);
        ShouldBeProblem(await ReadJson(json), 415, "multipart-required");
        await using var session = Store.QuerySession();
        (await Marten.QueryableExtensions.CountAsync(session.Query<Forum.Host.ActionPlans.Monitoring.EvidenceFile>())).ShouldBe(0);
        ShouldBeProblem(await GetJson(null, $"/api/evidence/{Guid.NewGuid()}", 404), 404, "evidence-not-found");
        (status, _) = await Upload(w.Cso.Token, commitment, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3], "photo.png", "image/png");
        status.ShouldBe(201);
    }
}
