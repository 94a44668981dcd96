using System.Globalization;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Host.Minutes.Drafting;

// The model the minutes templates see. Every string that a person typed is already Markdown-escaped (Md).
public sealed record ForumLine(string Name, string Country);
public sealed record SessionLine(string Title, string Date, string Starts, string Ends, string OpenedAt, string ClosedAt, string Mode,
    string Venue, string OnlineUrl, string Language);
public sealed record PersonLine(string Name, string Group);
public sealed record AttendeeLine(string Name, string Group, string Presence, bool Observer, string RecordedBy, string LeftAt);
public sealed record GroupAttendance(string Group, int Count, List<AttendeeLine> InRoom, List<AttendeeLine> Online);
public sealed record QuorumLine(bool Met, int Present, int Required, int VotingMembers, int SharePercent, bool ParityRequired, bool ParityMet);
public sealed record ProposalLine(int Revision, string Text, string At);
public sealed record PositionLine(int Number, string Name, string Group, string Presence, string Stance, string Statement, string RecordedBy,
    string At, int Revisions, List<string> Earlier);
public sealed record TallyLine(string Stance, int Count);
public sealed record ObjectionLine(string Name, string Group, string Stance, string Statement, string Response);
public sealed record DecisionLine(string Outcome, string Text, string At, QuorumLine Quorum, List<TallyLine> Tally, List<ObjectionLine> Objections);
public sealed record ActionLine(string Description, string Owner, string Due);
public sealed record GroupStance(string Group, int Positions, int Support, int Against, int Abstain, int SupportPercent);
public sealed record ItemLine(int Number, string Title, string Kind, string Presenter, string Description, bool Withdrawn, string WithdrawnReason,
    List<ProposalLine> Proposals, List<PositionLine> Positions, DecisionLine? Decision, List<ActionLine> ActionPoints,
    List<GroupStance> Groups, int GapPoints);
public sealed record MinutesModel(ForumLine Forum, SessionLine Session, List<PersonLine> CoChairs, List<GroupAttendance> Attendance,
    int AttendeeCount, int InRoomCount, int OnlineCount, QuorumLine? Quorum, List<ItemLine> Items, int EventCount, long Version, string EventsSha256);

/// <summary>One session event as read from the store, typed.</summary>
public sealed record SessionEvent(long Version, DateTimeOffset Timestamp, object Data);

/// <summary>
/// Folds a session's whole history into the minutes model, in one pass: attendance, each item's proposal and its
/// revisions, the positions in the order their final form arrived, the decision and its answers, action points,
/// and the consensus gap between stakeholder groups.
/// </summary>
public static class SessionRecord
{
    private sealed class Item(AgendaItemAdded e)
    {
        public AgendaItemAdded Added { get; set; } = e;
        public bool Withdrawn;
        public string WithdrawnReason = "";
        public readonly List<ProposalLine> Proposals = [];
        // Member -> their submissions in order; withdrawn positions leave the list.
        public readonly Dictionary<Guid, List<(PositionSubmitted P, long Version)>> Positions = [];
        public DecisionRecorded? Decision;
        public readonly List<ActionPointAssigned> Actions = [];
    }

    private sealed record Seen(Guid MemberId, string Name, StakeholderGroup Group, MemberRole Role, Presence Presence, string? RecordedBy, DateTimeOffset? LeftAt);

    public static MinutesModel Build(ForumState? forum, IReadOnlyList<SessionEvent> events, string eventsSha256)
    {
        SessionScheduled? scheduled = null;
        SessionOpened? opened = null;
        DateTimeOffset? openedAt = null, closedAt = null;
        var items = new List<Item>();
        var byId = new Dictionary<Guid, Item>();
        var seen = new Dictionary<Guid, Seen>();
        var present = new Dictionary<Guid, Seen>();
        Quorum? fullest = null;

        foreach (var ev in events)
        {
            switch (ev.Data)
            {
                case SessionScheduled e: scheduled = e; break;
                case SessionRescheduled e when scheduled is not null:
                    scheduled = scheduled with { StartsAt = e.StartsAt, EndsAt = e.EndsAt, Venue = e.Venue, OnlineUrl = e.OnlineUrl }; break;
                case AgendaItemAdded e: { var i = new Item(e); items.Add(i); byId[e.ItemId] = i; break; }
                case AgendaItemAmended e when byId.TryGetValue(e.ItemId, out var i):
                    i.Added = i.Added with { Title = e.Title, Description = e.Description, Kind = e.Kind, Presenter = e.Presenter, Minutes = e.Minutes }; break;
                case AgendaReordered e:
                {
                    var order = e.ItemIds.ToList();
                    var sorted = items.OrderBy(i => order.IndexOf(i.Added.ItemId) is var at && at < 0 ? int.MaxValue : at).ToList();
                    items.Clear(); items.AddRange(sorted); break;
                }
                case AgendaItemWithdrawn e when byId.TryGetValue(e.ItemId, out var i): i.Withdrawn = true; i.WithdrawnReason = e.Reason; break;
                case SessionOpened e: opened = e; openedAt = e.At; break;
                case ParticipantCheckedIn e:
                {
                    var s = new Seen(e.MemberId, e.Name, e.Group, e.Role, e.Presence, e.RecordedBy, null);
                    seen[e.MemberId] = s; present[e.MemberId] = s;
                    if (opened is not null)
                    {
                        var q = QuorumRule.Evaluate(opened.VotingMembers, opened.Rules, present.Values.Select(p => (p.Group, p.Role == MemberRole.Member)));
                        if (fullest is null || q.Present > fullest.Present) fullest = q;
                    }
                    break;
                }
                case ParticipantLeft e:
                    present.Remove(e.MemberId);
                    if (seen.TryGetValue(e.MemberId, out var left)) seen[e.MemberId] = left with { LeftAt = e.At };
                    break;
                case ProposalTabled e when byId.TryGetValue(e.ItemId, out var i): i.Proposals.Add(new ProposalLine(0, Md.Quote(e.Text), Time(e.At))); break;
                case ProposalRevised e when byId.TryGetValue(e.ItemId, out var i): i.Proposals.Add(new ProposalLine(e.Revision, Md.Quote(e.Text), Time(e.At))); break;
                case PositionSubmitted e when byId.TryGetValue(e.ItemId, out var i):
                    if (!i.Positions.TryGetValue(e.MemberId, out var list)) i.Positions[e.MemberId] = list = [];
                    list.Add((e, ev.Version)); break;
                case PositionWithdrawn e when byId.TryGetValue(e.ItemId, out var i): i.Positions.Remove(e.MemberId); break;
                case DecisionRecorded e when byId.TryGetValue(e.ItemId, out var i): i.Decision = e; break;
                case ActionPointAssigned e when byId.TryGetValue(e.ItemId, out var i): i.Actions.Add(e); break;
                case SessionClosed e: closedAt = e.At; break;
            }
        }
        if (scheduled is null) throw new InvalidOperationException("A session's record starts with SessionScheduled.");

        string NameOf(Guid id) => seen.TryGetValue(id, out var s) ? s.Name : forum?.Members.GetValueOrDefault(id)?.Name ?? id.ToString();
        StakeholderGroup GroupOf(Guid id) => seen.TryGetValue(id, out var s) ? s.Group : forum?.Members.GetValueOrDefault(id)?.Group ?? StakeholderGroup.Other;

        var attendance = Enum.GetValues<StakeholderGroup>().Select(g =>
        {
            var inGroup = seen.Values.Where(s => s.Group == g).OrderBy(s => s.Name, StringComparer.Ordinal).Select(Attendee).ToList();
            return new GroupAttendance(g.ToString(), inGroup.Count, inGroup.Where(a => a.Presence == nameof(Presence.InRoom)).ToList(),
                inGroup.Where(a => a.Presence == nameof(Presence.Online)).ToList());
        }).ToList();

        var itemLines = items.Select((i, index) =>
        {
            var finals = i.Positions
                .Select(p => (MemberId: p.Key, Last: p.Value[^1], History: p.Value))
                .OrderBy(p => p.Last.Version)
                .ToList();
            var positions = finals.Select((p, n) => new PositionLine(n + 1, Md.Inline(NameOf(p.MemberId)), GroupOf(p.MemberId).ToString(),
                seen.TryGetValue(p.MemberId, out var s) ? s.Presence.ToString() : "", p.Last.P.Stance.ToString(), Md.Lines(p.Last.P.Statement, "   "),
                Md.Inline(p.Last.P.RecordedBy), Time(p.Last.P.At), p.History.Count - 1,
                p.History.Take(p.History.Count - 1).Select(h => h.P.Stance.ToString()).ToList())).ToList();
            var groups = Enum.GetValues<StakeholderGroup>().Select(g =>
            {
                var stances = finals.Where(p => GroupOf(p.MemberId) == g).Select(p => p.Last.P.Stance).ToList();
                var support = stances.Count(s => s is Stance.Support or Stance.SupportWithReservations);
                var against = stances.Count(s => s is Stance.Object or Stance.Block);
                return new GroupStance(g.ToString(), stances.Count, support, against, stances.Count - support - against,
                    stances.Count == 0 ? 0 : (int)Math.Round(100.0 * support / stances.Count));
            }).ToList();
            var voiced = groups.Where(g => g.Positions > 0).ToList();
            var gap = voiced.Count < 2 ? 0 : voiced.Max(g => g.SupportPercent) - voiced.Min(g => g.SupportPercent);
            var d = i.Decision;
            var decision = d is null ? null : new DecisionLine(d.Outcome.ToString(), Md.Quote(d.Text), Time(d.At), QuorumOf(d.Quorum, opened?.Rules),
                Enum.GetValues<Stance>().Select(s => new TallyLine(s.ToString(), d.Tally.GetValueOrDefault(s))).ToList(),
                d.Objections.Select(o => new ObjectionLine(Md.Inline(o.Name), o.Group.ToString(), o.Stance.ToString(), Md.Lines(o.Statement, "  "),
                    Md.Lines(o.Response, "  "))).ToList());
            return new ItemLine(index + 1, Md.Inline(i.Added.Title), i.Added.Kind.ToString(), Md.Inline(i.Added.Presenter), Md.Lines(i.Added.Description),
                i.Withdrawn, Md.Inline(i.WithdrawnReason), i.Proposals, positions, decision,
                i.Actions.Select(a => new ActionLine(Md.Inline(a.Description), Md.Inline(a.OwnerName), a.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList(),
                groups, gap);
        }).ToList();

        var coChairs = (opened?.CoChairs ?? (forum?.CoChairs.Values.ToList() ?? []))
            .OrderBy(GroupOf).Select(id => new PersonLine(Md.Inline(NameOf(id)), GroupOf(id).ToString())).ToList();

        return new MinutesModel(
            new ForumLine(Md.Inline(forum?.Name ?? ""), Md.Inline(forum?.Country ?? "")),
            new SessionLine(Md.Inline(scheduled.Title), scheduled.StartsAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Time(scheduled.StartsAt), Time(scheduled.EndsAt), openedAt is null ? "" : Time(openedAt.Value), closedAt is null ? "" : Time(closedAt.Value),
                scheduled.Mode.ToString(), Md.Inline(scheduled.Venue), Md.Inline(scheduled.OnlineUrl), scheduled.Language),
            coChairs, attendance, seen.Count, seen.Values.Count(s => s.Presence == Presence.InRoom), seen.Values.Count(s => s.Presence == Presence.Online),
            fullest is null ? null : QuorumOf(fullest, opened?.Rules), itemLines, events.Count, events.Count == 0 ? 0 : events[^1].Version, eventsSha256);
    }

    private static AttendeeLine Attendee(Seen s) =>
        new(Md.Inline(s.Name), s.Group.ToString(), s.Presence.ToString(), s.Role == MemberRole.Observer, Md.Inline(s.RecordedBy),
            s.LeftAt is null ? "" : Time(s.LeftAt.Value));

    private static QuorumLine QuorumOf(Quorum q, ForumRules? rules) =>
        new(q.Met, q.Present, q.Required, q.VotingMembers, (int)Math.Round(100 * (rules?.QuorumShare ?? 0)), q.ParityRequired, q.ParityMet);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
}
