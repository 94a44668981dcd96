using Forum.Host.Identity.Preferences;
using Forum.Tests.Support;
using Wolverine.Tracking;

namespace Forum.Tests.ActionPlans;

[Collection(ApiCollection.Name)]
public class DigestApiTests(ApiFixture fixture) : ActionPlanContext(fixture)
{
    [Fact]
    public async Task A_member_sees_what_changed_since_their_last_visit_and_a_member_of_the_public_the_answer_to_their_proposal()
    {
        var w = await World();
        var citizen = await TokenFor("citizen@mail.test");
        (await GetJson(w.Cso.Token, "/api/me/digest")).GetProperty("entries").GetArrayLength().ShouldBe(0);
        (await GetJson(citizen, "/api/me/digest")).GetProperty("entries").GetArrayLength().ShouldBe(0);

        var proposal = (await PostJson(citizen, w.Plan("/proposals"), new { title = "Publish owners", problem = "P", solution = "S" })).GetProperty("proposalId").GetGuid();
        var (commitment, _, _) = await AdoptedCommitment(w);
        await Send(w.Secretariat, s => s.Post.Json(new { outcome = "Adopted", reason = "Commitment 1", commitmentId = commitment }).ToUrl($"/api/proposals/{proposal}/response"), 204);
        await PostJson(w.Reporter.Token, $"/api/commitments/{commitment}/progress", new { completion = "Limited", note = "Started" });

        // Within the same visit the list stays as it was when the visit began.
        var digest = await GetJson(w.Cso.Token, "/api/me/digest");
        var kinds = digest.GetProperty("counts");
        kinds.GetProperty("ProposalSubmitted").GetInt32().ShouldBe(1);
        kinds.GetProperty("ProposalAnswered").GetInt32().ShouldBe(1);
        kinds.GetProperty("CommitmentDrafted").GetInt32().ShouldBe(1);
        kinds.GetProperty("CommitmentAdopted").GetInt32().ShouldBe(1);
        kinds.GetProperty("ProgressReported").GetInt32().ShouldBe(1);
        kinds.GetProperty("DecisionRecorded").GetInt32().ShouldBe(1);
        (await GetJson(w.Cso.Token, "/api/me/digest")).GetProperty("entries").GetArrayLength().ShouldBe(digest.GetProperty("entries").GetArrayLength());

        var theirs = await GetJson(citizen, "/api/me/digest");
        theirs.GetProperty("entries").EnumerateArray().Single().GetProperty("kind").GetString().ShouldBe("ProposalAnswered");
        ShouldBeProblem(await GetJson(null, "/api/me/digest", 401), 401, "sign-in-required");
    }

    [Fact]
    public async Task The_weekly_digest_is_a_durable_scheduled_message_that_gathers_the_week_and_schedules_the_next()
    {
        var w = await World();
        (await GetJson(w.Cso.Token, "/api/me/preferences")).GetProperty("digest").GetString().ShouldBe("Off");
        var on = await Tracked(() => Send(w.Cso.Token, s => s.Put.Json(new { digest = "Weekly" }).ToUrl("/api/me/preferences"), 200));
        var due = on.Scheduled.SingleMessage<WeeklyDigestDue>();
        (await GetJson(w.Cso.Token, "/api/me/preferences")).GetProperty("digest").GetString().ShouldBe("Weekly");

        await PostJson(w.Cso.Token, w.Plan("/proposals"), new { title = "Publish owners", problem = "P", solution = "S" });
        await PostJson(w.Secretariat, w.Plan("/commitments"), CommitmentBody(w));

        var played = await on.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(20));
        played.Executed.SingleMessage<WeeklyDigestDue>().ShouldBe(due);
        played.Scheduled.SingleMessage<WeeklyDigestDue>().ShouldBe(due);
        await using (var session = Store.QuerySession())
        {
            var marks = await session.LoadAsync<DigestMarks>(due.AccountId);
            marks!.LastWeekly!.Counts["ProposalSubmitted"].ShouldBe(1);
            marks.LastWeekly.Counts["CommitmentDrafted"].ShouldBe(1);
        }

        // Off retires the pending run: playing it does nothing and schedules nothing.
        await Send(w.Cso.Token, s => s.Put.Json(new { digest = "Off" }).ToUrl("/api/me/preferences"), 200);
        var stale = await played.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(20));
        stale.Scheduled.MessagesOf<WeeklyDigestDue>().ShouldBeEmpty();
        ShouldBeProblem(await ReadJson(await Send(w.Cso.Token, s => s.Put.Json(new { digest = "Daily" }).ToUrl("/api/me/preferences"), 400)), 400, "field-unreadable", "digest");
        ShouldBeProblem(await ReadJson(await Send(null, s => s.Put.Json(new { digest = "Weekly" }).ToUrl("/api/me/preferences"), 401)), 401, "sign-in-required");
    }
}
