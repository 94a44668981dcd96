using Forum.Tests.Support;

namespace Forum.Tests.ActionPlans;

[Collection(ApiCollection.Name)]
public class AdoptionApiTests(ApiFixture fixture) : ActionPlanContext(fixture)
{
    [Fact]
    public async Task A_consensus_on_a_linked_item_adopts_the_commitment_and_the_plan_without_a_second_click()
    {
        var w = await World();
        var (commitment, milestone, _) = await Commitment(w);
        var (session, item) = await SessionAbout(w, commitment);
        var board = await GetJson(w.Cso.Token, $"/api/sessions/{session}");
        board.GetProperty("agenda")[0].GetProperty("commitmentId").GetGuid().ShouldBe(commitment);

        await Decide(w, session, item, "ConsensusReached", [new { description = "Publish the register's data model", ownerMemberId = w.Reporter.MemberId, due = w.Today.AddDays(-3) }]);

        var adopted = await GetJson(null, $"/api/commitments/{commitment}");
        adopted.GetProperty("status").GetString().ShouldBe("Adopted");
        adopted.GetProperty("adoption").GetProperty("sessionId").GetGuid().ShouldBe(session);
        adopted.GetProperty("adoption").GetProperty("outcome").GetString().ShouldBe("ConsensusReached");
        var tracker = await GetJson(null, w.Plan());
        tracker.GetProperty("status").GetString().ShouldBe("Adopted");
        CommitmentIn(tracker, commitment).GetProperty("status").GetString().ShouldBe("Adopted");

        // The decision's action point is about the commitment; its owner sees it, overdue, and completes it.
        var mine = await GetJson(w.Reporter.Token, "/api/me/action-points");
        mine.GetProperty("overdue").GetInt32().ShouldBe(1);
        var point = mine.GetProperty("actionPoints")[0];
        point.GetProperty("commitmentId").GetGuid().ShouldBe(commitment);
        point.GetProperty("daysOverdue").GetInt32().ShouldBe(3);
        var pointId = point.GetProperty("actionPointId").GetGuid();

        var before = await EventCount();
        ShouldBeProblem(await PostJson(w.Cso.Token, $"/api/action-points/{pointId}/complete", new { }, 403), 403, "owner-or-secretariat-only");
        ShouldBeProblem(await ReadJson(await Send(w.Reporter.Token, s => s.Put.Json(new { commitmentId = commitment }).ToUrl($"/api/action-points/{pointId}/link"), 403)), 403, "secretariat-only");
        ShouldBeProblem(await ReadJson(await Send(w.Secretariat, s => s.Put.Json(new { commitmentId = commitment, milestoneId = Guid.NewGuid() }).ToUrl($"/api/action-points/{pointId}/link"), 400)), 400, "milestone-of-this-commitment", "milestoneId");
        ShouldBeProblem(await PostJson(w.Reporter.Token, $"/api/action-points/{Guid.NewGuid()}/complete", new { }, 404), 404, "action-point-not-found");
        ShouldBeProblem(await PostJson(null, $"/api/action-points/{pointId}/complete", new { }, 401), 401, "sign-in-required");
        (await EventCount()).ShouldBe(before);

        await Send(w.Secretariat, s => s.Put.Json(new { commitmentId = commitment, milestoneId = milestone }).ToUrl($"/api/action-points/{pointId}/link"), 204);
        // The secretariat's list of the forum's action points shows the link and the commitments to choose from; a member's is empty.
        var forumPoints = (await GetJson(w.Secretariat, "/api/me/forum-action-points")).EnumerateArray().ShouldHaveSingleItem();
        var listed = forumPoints.GetProperty("actionPoints").EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("actionPointId").GetGuid().ShouldBe(pointId);
        listed.GetProperty("milestoneId").GetGuid().ShouldBe(milestone);
        var choice = forumPoints.GetProperty("commitments").EnumerateArray().ShouldHaveSingleItem();
        choice.GetProperty("commitmentId").GetGuid().ShouldBe(commitment);
        choice.GetProperty("milestones")[0].GetProperty("milestoneId").GetGuid().ShouldBe(milestone);
        (await GetJson(w.Reporter.Token, "/api/me/forum-action-points")).GetArrayLength().ShouldBe(0);
        await Send(w.Reporter.Token, s => s.Post.Json(new { note = "Published on the portal" }).ToUrl($"/api/action-points/{pointId}/complete"), 204);
        ShouldBeProblem(await PostJson(w.Reporter.Token, $"/api/action-points/{pointId}/complete", new { }, 409), 409, "action-point-completed");
        var done = (await GetJson(w.Reporter.Token, "/api/me/action-points")).GetProperty("actionPoints")[0];
        done.GetProperty("done").GetBoolean().ShouldBeTrue();
        done.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        done.GetProperty("milestoneId").GetGuid().ShouldBe(milestone);
    }

    [Fact]
    public async Task No_consensus_adopts_nothing_and_a_proposals_item_adopts_the_commitment_it_was_merged_into()
    {
        var w = await World();
        var (first, _, _) = await Commitment(w);
        var (second, _, _) = await Commitment(w, "Open contracting");
        var (session, item) = await SessionAbout(w, first);
        await Decide(w, session, item, "NoConsensus");
        (await GetJson(null, $"/api/commitments/{first}")).GetProperty("status").GetString().ShouldBe("Draft");

        var proposal = (await PostJson(w.Cso.Token, w.Plan("/proposals"), new { title = "Open tenders", problem = "P", solution = "S" })).GetProperty("proposalId").GetGuid();
        await Send(w.Secretariat, s => s.Post.Json(new { outcome = "Merged", reason = "Part of commitment 2", commitmentId = second }).ToUrl($"/api/proposals/{proposal}/response"), 204);
        var (session2, item2) = await SessionAbout(w, proposalId: proposal);
        await Decide(w, session2, item2, "ConsensusWithReservations");
        (await GetJson(null, $"/api/commitments/{second}")).GetProperty("status").GetString().ShouldBe("Adopted");
        // One of two commitments adopted: the plan is not yet.
        (await GetJson(null, w.Plan())).GetProperty("status").GetString().ShouldBe("Open");
    }

    [Fact]
    public async Task An_agenda_item_links_only_to_this_forums_commitment_or_proposal()
    {
        var w = await World();
        var (commitment, _, _) = await Commitment(w);
        var sessionId = (await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/sessions", new
        {
            title = "Plenary", startsAt = DateTimeOffset.UtcNow.AddDays(1), endsAt = DateTimeOffset.UtcNow.AddDays(1).AddHours(2), mode = "Online", onlineUrl = "https://meet.example.org/x",
        })).GetProperty("sessionId").GetGuid();
        var before = await EventCount();
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/sessions/{sessionId}/agenda", new { title = "X", kind = "Decision", commitmentId = Guid.NewGuid() }, 400), 400, "commitment-not-found", "commitmentId");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/sessions/{sessionId}/agenda", new { title = "X", kind = "Decision", proposalId = Guid.NewGuid() }, 400), 400, "proposal-not-found", "proposalId");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/sessions/{sessionId}/agenda", new { title = "X", kind = "Decision", commitmentId = commitment, proposalId = Guid.NewGuid() }, 400), 400, "link-one-target", "proposalId");
        (await EventCount()).ShouldBe(before);
        // An information item about a commitment under implementation (a review, MR 5.1) is linked too.
        await PostJson(w.Secretariat, $"/api/sessions/{sessionId}/agenda", new { title = "Progress review", kind = "Information", commitmentId = commitment });
        (await GetJson(w.Secretariat, $"/api/sessions/{sessionId}")).GetProperty("agenda")[0].GetProperty("commitmentId").GetGuid().ShouldBe(commitment);
    }
}
