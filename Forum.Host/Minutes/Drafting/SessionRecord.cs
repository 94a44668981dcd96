using System.Globalization;
using Forum.Projections.Sessions;

namespace Forum.Host.Minutes.Drafting;

// The model the minutes templates see. Every string that a person typed is already Markdown-escaped (Md).
public sealed record ForumLine(string Name, string Country);
public sealed record SessionLine(string Title, string Date, string Starts, string Ends, string OpenedAt, string ClosedAt, string Mode,
    string Venue, string OnlineUrl, string Language);
public sealed record PersonLine(string Name, string Group);
public sealed record AttendeeLine(string Name, string Group, string Presence, bool Observer, bool RecordedBySecretariat, string LeftAt);
public sealed record GroupAttendance(string Group, int Count, List<AttendeeLine> InRoom, List<AttendeeLine> Online);
public sealed record QuorumLine(bool Met, int Present, int Required, int VotingMembers, int SharePercent, bool ParityRequired, bool ParityMet);
public sealed record ProposalLine(int Revision, string Text, string At);
public sealed record PositionLine(int Number, string Name, string Group, string Presence, string Stance, string Statement, bool RecordedBySecretariat,
    string At, int Revisions, List<string> Earlier);
public sealed record TallyLine(string Stance, int Count);
public sealed record ObjectionLine(string Name, string Group, string Stance, string Statement, string Response);
public sealed record DecisionLine(string Outcome, string Text, string At, QuorumLine Quorum, List<TallyLine> Tally, List<ObjectionLine> Objections)
{
    /// <summary>The session's version when it was decided: the board as the room saw it then is <c>?version=</c> that.</summary>
    public long Version { get; init; }
    /// <summary>Where a member replays the session at that version: "what the room saw when this was decided".</summary>
    public string Replay { get; init; } = "";
}
public sealed record VoteGroupLine(string Group, int Yes, int No, int Abstain);
public sealed record VoteLine(string Question, int Yes, int No, int Abstain, bool Carried, int ThresholdPercent, QuorumLine Quorum, List<VoteGroupLine> Groups);
/// <summary>A group's time at the floor; Bar draws its share for the minutes (a chart that reads the same in Markdown, HTML and PDF).</summary>
public sealed record SpeakingLine(string Group, int Minutes, int Seconds, int SharePercent, string Bar);
public sealed record ActionLine(string Description, string Owner, string Due);
public sealed record GroupStance(string Group, int Positions, int Support, int Against, int Abstain, int SupportPercent);
public sealed record ItemLine(int Number, string Title, string Kind, string Presenter, string Description, bool Withdrawn, string WithdrawnReason,
    List<ProposalLine> Proposals, List<PositionLine> Positions, DecisionLine? Decision, List<ActionLine> ActionPoints,
    List<GroupStance> Groups, int GapPoints)
{
    public VoteLine? Vote { get; init; }
}
public sealed record AdoptedLine(int Number, string Title, int Item);
public sealed record MinutesModel(ForumLine Forum, SessionLine Session, List<PersonLine> CoChairs, List<GroupAttendance> Attendance,
    int AttendeeCount, int InRoomCount, int OnlineCount, QuorumLine? Quorum, List<ItemLine> Items, int EventCount, long Version, string EventsSha256)
{
    /// <summary>Speaking time by group (groups that held the floor), from the floor's own times.</summary>
    public List<SpeakingLine> Speaking { get; init; } = [];
    /// <summary>The commitments of the action plan this session's decisions adopted (ADR 0017), by number.</summary>
    public List<AdoptedLine> Adopted { get; init; } = [];
}

/// <summary>One session event as read from the store, typed.</summary>
public sealed record SessionEvent(long Version, DateTimeOffset Timestamp, object Data);

/// <summary>
/// The minutes model of a session: its whole record replayed with the board's own fold (<see cref="SessionBoard.Replay"/>,
/// ADR 0013) — attendance with departures, each item's proposal and its revisions, the positions in the order their final
/// form arrived, the decision and its answers, action points — and the consensus gap between stakeholder groups.
/// </summary>
public static class SessionRecord
{
    public static MinutesModel Build(ForumState? forum, IReadOnlyList<SessionEvent> events, string eventsSha256, IReadOnlyList<AdoptedCommitment>? adopted = null)
    {
        var board = SessionBoard.Replay(events.Select(e => (e.Version, e.Data)))
            ?? throw new InvalidOperationException("A session's record starts with SessionScheduled.");
        var seen = board.Attendees;

        string NameOf(Guid id) => seen.TryGetValue(id, out var s) ? s.Name : forum?.Members.GetValueOrDefault(id)?.Name ?? id.ToString();
        StakeholderGroup GroupOf(Guid id) => seen.TryGetValue(id, out var s) ? s.Group : forum?.Members.GetValueOrDefault(id)?.Group ?? StakeholderGroup.Other;

        var attendance = Enum.GetValues<StakeholderGroup>().Select(g =>
        {
            var inGroup = seen.Values.Where(s => s.Group == g).OrderBy(s => s.Name, StringComparer.Ordinal).Select(Attendee).ToList();
            return new GroupAttendance(g.ToString(), inGroup.Count, inGroup.Where(a => a.Presence == nameof(Presence.InRoom)).ToList(),
                inGroup.Where(a => a.Presence == nameof(Presence.Online)).ToList());
        }).ToList();

        var itemLines = board.Agenda.Select((i, index) =>
        {
            var finals = i.Positions.Values.Where(p => !p.Withdrawn).OrderBy(p => p.Version).ToList();
            var positions = finals.Select((p, n) => new PositionLine(n + 1, Md.Inline(NameOf(p.MemberId)), GroupOf(p.MemberId).ToString(),
                seen.TryGetValue(p.MemberId, out var s) ? s.Presence.ToString() : "", p.Stance.ToString(), Md.Lines(p.Statement, "   "),
                p.RecordedBySecretariat, Time(p.At), p.Earlier.Count, p.Earlier.Select(x => x.ToString()).ToList())).ToList();
            var groups = Enum.GetValues<StakeholderGroup>().Select(g =>
            {
                var stances = finals.Where(p => GroupOf(p.MemberId) == g).Select(p => p.Stance).ToList();
                var support = stances.Count(s => s is Stance.Support or Stance.SupportWithReservations);
                var against = stances.Count(s => s is Stance.Object or Stance.Block);
                return new GroupStance(g.ToString(), stances.Count, support, against, stances.Count - support - against,
                    stances.Count == 0 ? 0 : (int)Math.Round(100.0 * support / stances.Count));
            }).ToList();
            var voiced = groups.Where(g => g.Positions > 0).ToList();
            var gap = voiced.Count < 2 ? 0 : voiced.Max(g => g.SupportPercent) - voiced.Min(g => g.SupportPercent);
            var d = i.Decision;
            var decision = d is null ? null : new DecisionLine(d.Outcome.ToString(), Md.Quote(d.Text), Time(d.At), QuorumOf(d.Quorum, board.Rules),
                Enum.GetValues<Stance>().Select(s => new TallyLine(s.ToString(), d.Tally.GetValueOrDefault(s))).ToList(),
                d.Objections.Select(o => new ObjectionLine(Md.Inline(o.Name), o.Group.ToString(), o.Stance.ToString(), Md.Lines(o.Statement, "  "),
                    Md.Lines(o.Response, "  "))).ToList()) { Version = d.Version, Replay = $"/sessions/{board.Id}/replay?version={d.Version}" };
            var v = i.Vote?.Result;
            var vote = v is null ? null : new VoteLine(Md.Inline(i.Vote!.Question), v.Yes, v.No, v.Abstain, v.Carried, (int)Math.Round(100 * v.Threshold),
                QuorumOf(v.Quorum, board.Rules), v.ByGroup.Where(g => g.Value.Values.Sum() > 0)
                    .Select(g => new VoteGroupLine(g.Key.ToString(), g.Value.GetValueOrDefault(VoteChoice.Yes), g.Value.GetValueOrDefault(VoteChoice.No),
                        g.Value.GetValueOrDefault(VoteChoice.Abstain))).ToList());
            return new ItemLine(index + 1, Md.Inline(i.Title), i.Kind.ToString(), Md.Inline(i.Presenter), Md.Lines(i.Description),
                i.Status == ItemStatus.Withdrawn, Md.Inline(i.WithdrawnReason),
                i.Proposals.Select(p => new ProposalLine(p.Revision, Md.Quote(p.Text), Time(p.At))).ToList(), positions, decision,
                i.ActionPoints.Select(a => new ActionLine(Md.Inline(a.Description), Md.Inline(a.OwnerName), a.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList(),
                groups, gap) { Vote = vote };
        }).ToList();

        var coChairs = (board.OpenedAt is not null ? board.CoChairs : forum?.CoChairs.Values.ToList() ?? [])
            .OrderBy(GroupOf).Select(id => new PersonLine(Md.Inline(NameOf(id)), GroupOf(id).ToString())).ToList();

        return new MinutesModel(
            new ForumLine(Md.Inline(forum?.Name ?? ""), Md.Inline(forum?.Country ?? "")),
            new SessionLine(Md.Inline(board.Title), board.StartsAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Time(board.StartsAt), Time(board.EndsAt), board.OpenedAt is null ? "" : Time(board.OpenedAt.Value), board.ClosedAt is null ? "" : Time(board.ClosedAt.Value),
                board.Mode.ToString(), Md.Inline(board.Venue), Md.Inline(board.OnlineUrl), board.Language),
            coChairs, attendance, seen.Count, seen.Values.Count(s => s.Presence == Presence.InRoom), seen.Values.Count(s => s.Presence == Presence.Online),
            board.FullestQuorum is null ? null : QuorumOf(board.FullestQuorum, board.Rules), itemLines, events.Count, board.Version, eventsSha256)
        {
            Speaking = Speaking(board.SpeakingSeconds),
            Adopted = (adopted ?? []).Select(a => new AdoptedLine(a.Number, Md.Inline(a.Title), board.Agenda.FindIndex(i => i.ItemId == a.ItemId) + 1)).ToList(),
        };
    }

    private static List<SpeakingLine> Speaking(IReadOnlyDictionary<StakeholderGroup, double> seconds)
    {
        var total = seconds.Values.Sum();
        return Enum.GetValues<StakeholderGroup>().Where(g => seconds.GetValueOrDefault(g) > 0).Select(g =>
        {
            var s = (int)Math.Round(seconds[g]);
            var share = (int)Math.Round(100 * seconds[g] / total);
            return new SpeakingLine(g.ToString(), s / 60, s % 60, share, new string('█', share / 5) + new string('░', 20 - share / 5));
        }).ToList();
    }

    private static AttendeeLine Attendee(BoardAttendee s) =>
        new(Md.Inline(s.Name), s.Group.ToString(), s.Presence.ToString(), s.Role == MemberRole.Observer, s.RecordedBySecretariat,
            s.LeftAt is null ? "" : Time(s.LeftAt.Value));

    private static QuorumLine QuorumOf(Quorum q, ForumRules? rules) =>
        new(q.Met, q.Present, q.Required, q.VotingMembers, (int)Math.Round(100 * (rules?.QuorumShare ?? 0)), q.ParityRequired, q.ParityMet);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
}
