using Forum.Tests.Support;

namespace Forum.Tests.ActionPlans;

[Collection(ApiCollection.Name)]
public class CommitmentApiTests(ApiFixture fixture) : ActionPlanContext(fixture)
{
    [Fact]
    public async Task A_commitment_on_OGPs_template_is_shown_as_it_stood_at_any_moment()
    {
        var w = await World();
        var drafted = await PostJson(w.Secretariat, w.Plan("/commitments"), CommitmentBody(w));
        drafted.GetProperty("number").GetInt32().ShouldBe(1);
        var id = drafted.GetProperty("commitmentId").GetGuid();
        var milestone = (await PostJson(w.Secretariat, $"/api/commitments/{id}/milestones", new
        {
            title = "Register law passed", output = "A law in force", startsOn = w.Today.AddDays(-180), endsOn = w.Today.AddDays(10),
        })).GetProperty("milestoneId").GetGuid();
        var beforeAmendment = DateTimeOffset.UtcNow;
        await Send(w.Secretariat, s => s.Put.Json(new { title = "Beneficial ownership register" }).ToUrl($"/api/commitments/{id}"), 204);
        await Send(w.Secretariat, s => s.Put.Json(new { output = "The law published" }).ToUrl($"/api/commitments/{id}/milestones/{milestone}"), 204);
        (await PostJson(w.Secretariat, w.Plan("/commitments"), CommitmentBody(w, "Open contracting"))).GetProperty("number").GetInt32().ShouldBe(2);

        var now = await GetJson(null, $"/api/commitments/{id}");
        now.GetProperty("title").GetString().ShouldBe("Beneficial ownership register");
        now.GetProperty("problem").GetString().ShouldBe("Shell companies hide who owns them.");
        now.GetProperty("leadInstitution").GetString().ShouldBe("Ministry of Justice");
        now.GetProperty("values").EnumerateArray().Select(v => v.GetString()).ShouldBe(["Transparency", "PublicAccountability"]);
        now.GetProperty("supportingActors")[0].GetProperty("group").GetString().ShouldBe("CivilSociety");
        now.GetProperty("reporters")[0].GetProperty("name").GetString().ShouldBe("Ani Petrosyan");
        now.GetProperty("status").GetString().ShouldBe("Draft");
        now.GetProperty("milestones")[0].GetProperty("output").GetString().ShouldBe("The law published");
        now.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("change").GetString())
            .ShouldBe(["CommitmentDrafted", "MilestoneAdded", "CommitmentAmended", "MilestoneAmended"]);
        now.GetProperty("version").GetInt64().ShouldBe(4);

        var then = await GetJson(null, $"/api/commitments/{id}?at={Uri.EscapeDataString(beforeAmendment.ToString("O"))}");
        then.GetProperty("title").GetString().ShouldBe("Open beneficial ownership");
        then.GetProperty("milestones")[0].GetProperty("output").GetString().ShouldBe("A law in force");
        then.GetProperty("version").GetInt64().ShouldBe(2);
        ShouldBeProblem(await GetJson(null, $"/api/commitments/{id}?at=2000-01-01T00:00:00Z", 404), 404, "commitment-not-yet");
        ShouldBeProblem(await GetJson(null, $"/api/commitments/{id}?at=yesterday", 400), 400, "moment-invalid", "at");
    }

    [Fact]
    public async Task Refusals_name_the_rule_and_append_nothing()
    {
        var w = await World();
        var (id, milestone, _) = await Commitment(w);
        var before = await EventCount();
        ShouldBeProblem(await PostJson(w.Reporter.Token, w.Plan("/commitments"), CommitmentBody(w), 403), 403, "secretariat-only");
        ShouldBeProblem(await PostJson(null, w.Plan("/commitments"), CommitmentBody(w), 401), 401, "sign-in-required");
        ShouldBeProblem(await PostJson(w.Secretariat, w.Plan("/commitments"), new
        {
            title = "X", problem = "P", description = "D", solution = "S", leadInstitution = "Ministry of Justice", startsOn = w.Today, endsOn = w.Today.AddDays(1),
            reporterMemberIds = new[] { w.Finance.MemberId },
        }, 400), 400, "reporter-from-lead-institution", "reporterMemberIds[0]");
        ShouldBeProblem(await PostJson(w.Secretariat, w.Plan("/commitments"), new
        {
            title = "X", problem = "P", description = "D", solution = "S", leadInstitution = "Ministry of Justice", startsOn = w.Today, endsOn = w.Today.AddDays(900),
        }, 400), 400, "within-plan-period", "endsOn");
        ShouldBeProblem(await PostJson(w.Secretariat, w.Plan("/commitments"), new { title = "X" }, 400), 400, "field-required", "problem");
        ShouldBeProblem(await PostJson(w.Secretariat, w.Plan("/commitments"), new { title = "X", values = new[] { "Honesty" } }, 400), 400, "field-unreadable");
        ShouldBeProblem(await ReadJson(await Send(w.Cso.Token, s => s.Put.Json(new { title = "Mine" }).ToUrl($"/api/commitments/{id}"), 403)), 403, "secretariat-only");
        ShouldBeProblem(await ReadJson(await Send(w.Secretariat, s => s.Put.Json(new { title = "X" }).ToUrl($"/api/commitments/{Guid.NewGuid()}"), 404)), 404, "commitment-not-found");
        ShouldBeProblem(await ReadJson(await Send(w.Secretariat, s => s.Put.Json(new { endsOn = w.Today.AddDays(-10) }).ToUrl($"/api/commitments/{id}"), 400)), 400, "period-covers-milestones", "endsOn");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/commitments/{id}/milestones", new { title = "Late", output = "X", startsOn = w.Today, endsOn = w.Today.AddDays(450) }, 400), 400, "milestone-within-commitment", "endsOn");
        ShouldBeProblem(await ReadJson(await Send(w.Secretariat, s => s.Put.Json(new { title = "X" }).ToUrl($"/api/commitments/{id}/milestones/{Guid.NewGuid()}"), 404)), 404, "milestone-not-found");
        ShouldBeProblem(await ReadJson(await Send(w.Reporter.Token, s => s.Put.Json(new { title = "X" }).ToUrl($"/api/commitments/{id}/milestones/{milestone}"), 403)), 403, "secretariat-only");
        ShouldBeProblem(await GetJson(null, $"/api/commitments/{Guid.NewGuid()}", 404), 404, "commitment-not-found");
        ShouldBeProblem(await ReadJson(await Send(null, s => s.Get.Url("/api/commitments/not-a-guid"), 400)), 400, "id-malformed", "commitmentId");
        (await EventCount()).ShouldBe(before);
    }
}
