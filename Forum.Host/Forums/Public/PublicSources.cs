using Forum.Domain.ActionPlans;
using Forum.Domain.Forums;
using Forum.Domain.Minutes;
using Forum.Projections.ActionPlans;
using Forum.Projections.Forums;
using Forum.Projections.Minutes;
using Marten;

namespace Forum.Host.Forums.Public;

/// <summary>
/// Everything the forum shows the public, read in one round trip: the roster, the forum's public record (rules set, past
/// meetings), one small record per session, and the published minutes. Both the public page and the OGP report start here.
/// </summary>
public sealed record PublicSources(ForumRoster Roster, ForumPublicRecord Record, IReadOnlyList<MeetingRecord> Sessions,
    IReadOnlyDictionary<Guid, MinutesView> PublishedMinutes)
{
    /// <summary>The forum's action plans, their proposals' latest answers, and their commitments' adoption and progress.</summary>
    public IReadOnlyList<ActionPlanState> ActionPlans { get; init; } = [];
    public IReadOnlyList<ProposalView> Proposals { get; init; } = [];
    public IReadOnlyList<CommitmentHistory> Commitments { get; init; } = [];

    public static async Task<PublicSources?> LoadAsync(IQuerySession session, Guid forumId, CancellationToken ct = default)
    {
        var batch = session.CreateBatchQuery();
        var roster = batch.Load<ForumRoster>(forumId);
        var record = batch.Load<ForumPublicRecord>(forumId);
        var sessions = batch.Query<MeetingRecord>().Where(m => m.ForumId == forumId).ToList();
        var minutes = batch.Query<MinutesView>().Where(v => v.ForumId == forumId && v.Status == MinutesStatus.Published).ToList();
        var plans = batch.Query<ActionPlanState>().Where(p => p.ForumId == forumId).ToList();
        var proposals = batch.Query<ProposalView>().Where(p => p.ForumId == forumId).ToList();
        var commitments = batch.Query<CommitmentHistory>().Where(c => c.ForumId == forumId).ToList();
        await batch.Execute(ct);
        if (await roster is not { } found) return null;
        // A forum established before this read model existed has no document yet; its stream is short (no session events).
        var publicRecord = await record ?? await session.Events.AggregateStreamAsync<ForumPublicRecord>(forumId, token: ct)
            ?? new ForumPublicRecord { Id = forumId, EstablishedAt = found.EstablishedAt };
        return new PublicSources(found, publicRecord, (await sessions).OrderBy(s => s.StartsAt).ToList(),
            (await minutes).GroupBy(v => v.SessionId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.PublishedAt).First()))
        {
            ActionPlans = (await plans).OrderByDescending(p => p.StartsOn).ToList(), Proposals = await proposals, Commitments = await commitments,
        };
    }

    public static string PageOf(Guid forumId) => $"/api/forums/{forumId}/public";
    public static string PastMeetingOf(Guid forumId, Guid pastMeetingId) => $"/api/forums/{forumId}/past-meetings/{pastMeetingId}";
    public static string MinutesFileOf(Guid forumId, Guid pastMeetingId) => PastMeetingOf(forumId, pastMeetingId) + "/minutes";
    public static string MinutesPdfOf(Guid minutesId) => $"/api/minutes/{minutesId}.pdf";
    public static string ProposalsOf(Guid actionPlanId) => $"/api/action-plans/{actionPlanId}/proposals";
}
