using Marten;
using Forum.Domain.ActionPlans;
using Forum.Host.Demo;
using Forum.Tests.Support;

namespace Forum.Tests.Demo;

[Collection(ApiCollection.Name)]
public class SeedDemoTests(ApiFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task The_demo_forum_has_an_adopted_action_plan_with_answered_proposals_reports_assessments_and_a_gap_and_seeding_twice_adds_nothing()
    {
        var (forumId, _) = await SeedDemoCommand.Seed(Store, DateTimeOffset.UtcNow);
        var events = await EventCount();
        (await SeedDemoCommand.Seed(Store, DateTimeOffset.UtcNow)).ForumId.ShouldBe(forumId);
        (await EventCount()).ShouldBe(events);

        Guid planId;
        await using (var session = Store.QuerySession())
            planId = (await session.Query<ActionPlanState>().Where(p => p.ForumId == forumId).ToListAsync()).Single().Id;
        var tracker = await GetJson(null, $"/api/action-plans/{planId}");
        tracker.GetProperty("title").GetString().ShouldBe(DemoActionPlan.Title);
        tracker.GetProperty("status").GetString().ShouldBe("Adopted");
        tracker.GetProperty("proposals").GetProperty("received").GetInt32().ShouldBe(4);
        tracker.GetProperty("proposals").GetProperty("answered").GetInt32().ShouldBe(3);
        var commitments = tracker.GetProperty("commitments").EnumerateArray().ToList();
        commitments.Count.ShouldBe(3);
        commitments.ShouldAllBe(c => c.GetProperty("status").GetString() == "Adopted" && c.GetProperty("milestones").GetArrayLength() >= 2);
        commitments[0].GetProperty("gap").GetInt32().ShouldBe(1);
        commitments[1].GetProperty("gap").GetInt32().ShouldBe(1);
        commitments[2].GetProperty("gap").GetInt32().ShouldBe(0);
        tracker.GetProperty("overdue").GetArrayLength().ShouldBeGreaterThan(0);
        (await GetJson(null, $"/api/action-plans/{planId}/proposals")).ToString().ShouldContain("Merged into commitment 2");
    }
}
