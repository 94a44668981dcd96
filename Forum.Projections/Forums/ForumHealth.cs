using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Projections.Sessions;

namespace Forum.Projections.Forums;

public sealed record GroupFigure(StakeholderGroup Group, double AveragePresent, double SpeakingMinutes);

/// <summary>
/// What the OGP Participation and Co-Creation Standards ask a forum to show: it meets at least every six months with
/// government and civil society, and answers the input it does not take up. Computed on read from the forum's session
/// boards (each an inline projection of one stream), so no cross-stream projection has to be kept in step.
/// </summary>
public sealed record ForumHealth(
    Guid ForumId,
    int SessionsHeld,
    int SessionsScheduled,
    int SessionsCancelled,
    DateTimeOffset? LastHeldAt,
    double? LongestGapDays,
    bool MeetsEverySixMonths,
    double ParityShare,
    int Decisions,
    double ConsensusShare,
    int Positions,
    double PositionsDecidedShare,
    int ObjectionsAndBlocks,
    double ObjectionsAnsweredShare,
    IReadOnlyList<GroupFigure> Groups)
{
    public static ForumHealth From(Guid forumId, IReadOnlyList<SessionBoard> boards, DateTimeOffset now)
    {
        var held = boards.Where(b => b.Status == SessionStatus.Closed).OrderBy(b => b.OpenedAt).ToList();
        var dates = held.Select(b => b.OpenedAt ?? b.StartsAt).ToList();
        var gaps = dates.Zip(dates.Skip(1), (a, b) => (b - a).TotalDays).ToList();
        if (dates.Count > 0) gaps.Add((now - dates[^1]).TotalDays);
        var items = held.SelectMany(b => b.Agenda).Where(i => i.Decision is not null).ToList();
        // Positions as they stand on each item: its tally (the positions themselves are parts of the board, stored apart).
        var positions = held.SelectMany(b => b.Agenda).Select(i => (Item: i, Count: i.Tally.Values.Sum())).ToList();
        var notFollowed = items.SelectMany(i => i.Decision!.Objections).Where(o => o.Stance is Stance.Object or Stance.Block).ToList();
        // Who took part in each session, by group: everyone who checked in at some moment.
        var present = held.Select(b => b.Attended).ToList();
        return new ForumHealth(
            forumId,
            held.Count,
            boards.Count(b => b.Status is SessionStatus.Scheduled or SessionStatus.Open),
            boards.Count(b => b.Status == SessionStatus.Cancelled),
            dates.Count > 0 ? dates[^1] : null,
            gaps.Count > 0 ? Math.Round(gaps.Max(), 1) : null,
            dates.Count > 0 && gaps.All(g => g <= 183),
            Share(present.Count(p => p.GetValueOrDefault(StakeholderGroup.Government) > 0 && p.GetValueOrDefault(StakeholderGroup.CivilSociety) > 0), held.Count),
            items.Count,
            Share(items.Count(i => i.Decision!.Outcome is Outcome.ConsensusReached or Outcome.ConsensusWithReservations), items.Count),
            positions.Sum(p => p.Count),
            Share(positions.Where(p => p.Item.Decision is not null).Sum(p => p.Count), positions.Sum(p => p.Count)),
            notFollowed.Count,
            Share(notFollowed.Count(o => !string.IsNullOrWhiteSpace(o.Response)), notFollowed.Count),
            Enum.GetValues<StakeholderGroup>().Select(g => new GroupFigure(g,
                held.Count == 0 ? 0 : Math.Round(present.Average(p => p.GetValueOrDefault(g)), 1),
                Math.Round(held.Sum(b => b.SpeakingSeconds.GetValueOrDefault(g)) / 60, 1))).ToList());
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 3);
}
