using Forum.Tests.Support;

namespace Forum.Tests.ActionPlans;

[Collection(ApiCollection.Name)]
public class CoCreationApiTests(ApiFixture fixture) : ActionPlanContext(fixture)
{
    [Fact]
    public async Task The_public_and_members_propose_and_every_proposal_gets_a_reasoned_response_in_public()
    {
        var w = await World();
        var opened = await Send(w.Secretariat, s => s.Get.Url($"/api/forums/{w.ForumId}/action-plans"), 200);
        (await ReadJson(opened)).EnumerateArray().Single().GetProperty("proposalsOpen").GetBoolean().ShouldBeTrue();

        var stranger = await TokenFor("citizen@mail.test");
        var anonymous = (await PostJson(stranger, w.Plan("/proposals"), new { title = "Publish owners", problem = "Hidden owners", solution = "A register" }))
            .GetProperty("proposalId").GetGuid();
        var named = (await PostJson(w.Cso.Token, w.Plan("/proposals"), new { title = "Open contracts", problem = "Opaque tenders", solution = "OCDS", publicName = "Ion R." }))
            .GetProperty("proposalId").GetGuid();
        var (commitment, _, _) = await Commitment(w);

        await Send(w.Secretariat, s => s.Post.Json(new { outcome = "Adopted", reason = "It is commitment 1.", commitmentId = commitment }).ToUrl($"/api/proposals/{anonymous}/response"), 204);
        await Send(w.Secretariat, s => s.Post.Json(new { outcome = "NotAdopted", reason = "Procurement is in next year's plan." }).ToUrl($"/api/proposals/{named}/response"), 204);

        var list = await Send(null, s => s.Get.Url(w.Plan("/proposals")), 200);
        var text = await list.ReadAsTextAsync();
        text.ShouldNotContain("@"); // no e-mail address, ever
        var proposals = (await ReadJson(list)).EnumerateArray().ToList();
        proposals.Count.ShouldBe(2);
        var first = proposals.Single(p => p.GetProperty("proposalId").GetGuid() == anonymous);
        first.GetProperty("publicName").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        first.GetProperty("fromMember").GetBoolean().ShouldBeFalse();
        first.GetProperty("response").GetProperty("outcome").GetString().ShouldBe("Adopted");
        first.GetProperty("response").GetProperty("commitmentId").GetGuid().ShouldBe(commitment);
        var second = proposals.Single(p => p.GetProperty("proposalId").GetGuid() == named);
        second.GetProperty("publicName").GetString().ShouldBe("Ion R.");
        second.GetProperty("response").GetProperty("reason").GetString().ShouldBe("Procurement is in next year's plan.");

        var tracker = await GetJson(null, w.Plan());
        tracker.GetProperty("proposals").GetProperty("received").GetInt32().ShouldBe(2);
        tracker.GetProperty("proposals").GetProperty("answered").GetInt32().ShouldBe(2);
        tracker.GetProperty("proposals").GetProperty("byOutcome").GetProperty("NotAdopted").GetInt32().ShouldBe(1);
        (await GetJson(null, $"/api/proposals/{named}")).GetProperty("title").GetString().ShouldBe("Open contracts");
    }

    [Fact]
    public async Task Refusals_name_the_rule_and_append_nothing()
    {
        var w = await World();
        var proposal = (await PostJson(w.Cso.Token, w.Plan("/proposals"), new { title = "T", problem = "P", solution = "S" })).GetProperty("proposalId").GetGuid();
        var before = await EventCount();

        ShouldBeProblem(await PostJson(w.Cso.Token, $"/api/forums/{w.ForumId}/action-plans", new { title = "X", startsOn = Today, endsOn = Today.AddDays(9), proposalsCloseOn = Today }, 403), 403, "secretariat-only");
        ShouldBeProblem(await PostJson(null, $"/api/forums/{w.ForumId}/action-plans", new { title = "X" }, 401), 401, "sign-in-required");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/action-plans", new { title = "X", startsOn = Today, endsOn = Today.AddDays(-1), proposalsCloseOn = Today.AddDays(-1) }, 400), 400, "ends-after-start", "endsOn");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/forums/{Guid.NewGuid()}/action-plans", new { title = "X" }, 404), 404, "forum-not-found");
        ShouldBeProblem(await PostJson(null, w.Plan("/proposals"), new { title = "T", problem = "P", solution = "S" }, 401), 401, "sign-in-required");
        ShouldBeProblem(await PostJson(w.Cso.Token, w.Plan("/proposals"), new { title = "T", solution = "S" }, 400), 400, "field-required", "problem");
        ShouldBeProblem(await PostJson(w.Cso.Token, $"/api/action-plans/{Guid.NewGuid()}/proposals", new { title = "T", problem = "P", solution = "S" }, 404), 404, "action-plan-not-found");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/proposals/{proposal}/response", new { outcome = "NotAdopted" }, 400), 400, "field-required", "reason");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/proposals/{proposal}/response", new { outcome = "Adopted", reason = "Yes" }, 400), 400, "field-required", "commitmentId");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/proposals/{proposal}/response", new { outcome = "Merged", reason = "Yes", commitmentId = Guid.NewGuid() }, 400), 400, "commitment-of-this-plan", "commitmentId");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/proposals/{proposal}/response", new { outcome = "Rejected", reason = "No" }, 400), 400, "field-unreadable", "outcome");
        ShouldBeProblem(await PostJson(w.Cso.Token, $"/api/proposals/{proposal}/response", new { outcome = "Deferred", reason = "Later" }, 403), 403, "secretariat-only");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/proposals/{Guid.NewGuid()}/response", new { outcome = "Deferred", reason = "Later" }, 404), 404, "proposal-not-found");
        ShouldBeProblem(await GetJson(null, $"/api/action-plans/{Guid.NewGuid()}", 404), 404, "action-plan-not-found");
        ShouldBeProblem(await GetJson(null, $"/api/forums/{Guid.NewGuid()}/action-plans", 404), 404, "forum-not-found");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task After_the_closing_date_proposals_are_refused_with_409_and_a_closed_plan_takes_none()
    {
        var w = await World();
        var late = (await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/action-plans", new
        {
            title = "Plan recorded after its co-creation", startsOn = Today.AddDays(-100), endsOn = Today.AddDays(100), proposalsCloseOn = Today.AddDays(-1),
        })).GetProperty("actionPlanId").GetGuid();
        var before = await EventCount();
        ShouldBeProblem(await PostJson(w.Cso.Token, $"/api/action-plans/{late}/proposals", new { title = "T", problem = "P", solution = "S" }, 409), 409, "proposals-closed");
        (await EventCount()).ShouldBe(before);

        await Send(w.Secretariat, s => s.Post.Json(new { note = "Cycle over" }).ToUrl(w.Plan("/close")), 204);
        ShouldBeProblem(await PostJson(w.Cso.Token, w.Plan("/proposals"), new { title = "T", problem = "P", solution = "S" }, 409), 409, "action-plan-closed");
        ShouldBeProblem(await PostJson(w.Secretariat, w.Plan("/close"), new { }, 409), 409, "action-plan-closed");
        (await GetJson(null, w.Plan())).GetProperty("status").GetString().ShouldBe("Closed");
    }

    [Fact]
    public async Task One_account_cannot_flood_the_proposal_form()
    {
        var w = await World();
        var flooder = await TokenFor("flood@mail.test");
        for (var i = 0; i < 10; i++) await PostJson(flooder, w.Plan("/proposals"), new { title = $"Proposal {i}", problem = "P", solution = "S" });
        var before = await EventCount();
        var refused = await Send(flooder, s => s.Post.Json(new { title = "One more", problem = "P", solution = "S" }).ToUrl(w.Plan("/proposals")), 429);
        ShouldBeProblem(await ReadJson(refused), 429, "proposal-rate-limited");
        refused.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
        (await EventCount()).ShouldBe(before);
        // Someone else is not held back by it.
        await PostJson(w.Cso.Token, w.Plan("/proposals"), new { title = "Mine", problem = "P", solution = "S" });
    }
}
