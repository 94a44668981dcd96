using Marten;

namespace Forum.Host.Forums.Public;

/// <summary>
/// The place on the public page for the forum's action plans. Empty until the action-plan record lands (branch
/// <c>actionplan</c>): it then returns each plan's public summary (title, period, commitments with their status) here,
/// and the OGP report's Standard 4 proposals row and MR 5.1 row read the same record.
/// </summary>
public static class PublicActionPlans
{
    public static Task<IReadOnlyList<object>> Of(IQuerySession session, Guid forumId) => Task.FromResult<IReadOnlyList<object>>([]);
}
