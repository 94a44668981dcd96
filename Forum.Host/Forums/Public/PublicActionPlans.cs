using Forum.Domain.ActionPlans;

namespace Forum.Host.Forums.Public;

/// <summary>
/// The forum's action plans on its public page: each plan's title, period and status, how many commitments it holds and how
/// many proposals got a reasoned response, and where its tracker, proposals and open data are. Read with the rest of the
/// public record (<see cref="PublicSources"/>), which the OGP report's Standard 4 and MR 5.1 rows read too.
/// </summary>
public static class PublicActionPlans
{
    public static IEnumerable<object> Of(PublicSources s) => s.ActionPlans.Select(p =>
    {
        var proposals = s.Proposals.Where(x => x.ActionPlanId == p.Id).ToList();
        return new
        {
            actionPlanId = p.Id, p.Title, p.StartsOn, p.EndsOn, p.ProposalsCloseOn, p.Status, p.AdoptedAt, commitments = p.Commitments.Count,
            proposals = new { received = proposals.Count, answered = proposals.Count(x => x.Response is not null) },
            links = new
            {
                page = $"/action-plans/{p.Id}", tracker = $"/api/action-plans/{p.Id}", proposals = PublicSources.ProposalsOf(p.Id),
                csv = $"/api/action-plans/{p.Id}.csv",
            },
        };
    });
}
