using Forum.Domain.Minutes;
using Forum.Tests.Support;

namespace Forum.Tests.ActionPlans;

[Collection(ApiCollection.Name)]
public class AdoptionMinutesTests(ApiFixture fixture) : ActionPlanContext(fixture)
{
    [Fact]
    public async Task The_minutes_of_a_session_that_adopted_a_commitment_name_it_and_a_session_that_adopted_none_has_no_such_section()
    {
        var w = await World();
        var (commitment, _, _) = await Commitment(w);
        var (session, item) = await SessionAbout(w, commitment);
        await Decide(w, session, item, "ConsensusReached");
        var minutes = await ClosedMinutes(w, session, item);
        // The forum (Moldova) writes its minutes in Romanian.
        minutes.ShouldContain("## Angajamente adoptate");
        minutes.ShouldContain("- Angajamentul 1: Open beneficial ownership (punctul 1)");

        // The same commitment again, and no consensus on another: this session adopted nothing.
        var (second, _, _) = await Commitment(w, "Open contracting");
        var (other, otherItem) = await SessionAbout(w, second);
        await Decide(w, other, otherItem, "NoConsensus");
        var none = await ClosedMinutes(w, other, otherItem);
        none.ShouldNotContain("Angajamente adoptate");
        none.ShouldNotContain("Open contracting (punctul");
    }

    private async Task<string> ClosedMinutes(ActionPlanWorld w, Guid session, Guid item)
    {
        await PostJson(w.GovChair.Token, $"/api/sessions/{session}/items/{item}/close", new { }, 200);
        await Tracked(() => PostJson(w.CsoChair.Token, $"/api/sessions/{session}/close", new { }, 200));
        var md = await Send(w.Secretariat, s => s.Get.Url($"/api/minutes/{MinutesDecider.IdFor(session)}.md"), 200);
        return await md.ReadAsTextAsync();
    }
}
