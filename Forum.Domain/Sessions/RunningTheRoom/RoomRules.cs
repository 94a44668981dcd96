using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.Sessions.RunningTheRoom;

/// <summary>
/// Running the room: only a co-chair drives (open, items, proposal, floor, close); members check in, leave and raise hands.
/// Nothing before the session opens, nothing on a closed item or after the session closes.
/// </summary>
public static class RoomRules
{
    public static Verdict Open(ForumState forum, SessionState s, OpenSession _, Actor? actor, DateTimeOffset now)
    {
        if (SessionRules.CoChairOnly(forum, actor, "open the session") is { } denied) return denied;
        if (s.Status != SessionStatus.Scheduled)
            return Rejection.Conflict("session-not-scheduled", $"The session is {s.Status}; only a scheduled session is opened.");
        var voting = forum.Members.Values.Where(m => m.Votes).GroupBy(m => m.Group).ToDictionary(g => g.Key, g => g.Count());
        foreach (var g in Enum.GetValues<StakeholderGroup>()) voting.TryAdd(g, 0);
        return Verdict.Accept(new SessionOpened(s.Id, voting, forum.Rules, forum.CoChairs.Values.ToList(), actor!.AccountId, now));
    }

    public static Verdict CheckIn(ForumState forum, SessionState s, CheckIn c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        if (Input.Defined("presence", c.Presence) is { } bad) return bad;
        var (member, recordedBy, refusal) = SessionRules.Subject(forum, actor, c.MemberId, "check someone else in");
        if (refusal is not null) return refusal;
        if (s.Status != SessionStatus.Open) return SessionRules.NotOpen(s, "check in");
        if (s.Present.TryGetValue(member!.MemberId, out var here) && here.Presence == c.Presence) return Verdict.Accept();
        return Verdict.Accept(new ParticipantCheckedIn(s.Id, member.MemberId, member.Name, member.Group, member.Role, c.Presence!.Value, recordedBy, now));
    }

    public static Verdict Leave(ForumState forum, SessionState s, Leave c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var (member, recordedBy, refusal) = SessionRules.Subject(forum, actor, c.MemberId, "record someone else leaving");
        if (refusal is not null) return refusal;
        if (s.Status != SessionStatus.Open) return SessionRules.NotOpen(s, "leave");
        if (!s.Present.ContainsKey(member!.MemberId)) return Verdict.Accept();
        var events = new List<object>();
        if (s.Floor == member.MemberId) events.Add(SessionRules.Yield(s, now));
        events.Add(new ParticipantLeft(s.Id, member.MemberId, recordedBy, now));
        return Verdict.Accept([.. events]);
    }

    /// <summary>Who a change of the forum's membership is recorded by on the session (not a person: the forum's roster).</summary>
    public const string ByMembership = "forum:membership";

    /// <summary>
    /// The forum's membership changed while the session is open: quorum counts against the voting members as they now stand,
    /// someone removed from the forum is no longer present (and yields the floor), and someone whose role changed is present
    /// in the new role (an observer does not count towards quorum). Nothing when nothing differs.
    /// </summary>
    public static Verdict Recount(ForumState forum, SessionState s, DateTimeOffset now)
    {
        if (s.Status != SessionStatus.Open) return Verdict.Accept();
        var events = new List<object>();
        var voting = Enum.GetValues<StakeholderGroup>().ToDictionary(g => g, g => forum.Members.Values.Count(m => m.Votes && m.Group == g));
        if (voting.Any(v => s.VotingMembers.GetValueOrDefault(v.Key) != v.Value)) events.Add(new VotingMembersChanged(s.Id, voting, now));
        foreach (var a in s.Present.Values.OrderBy(a => a.MemberId))
        {
            if (!forum.Members.TryGetValue(a.MemberId, out var m))
            {
                if (s.Floor == a.MemberId) events.Add(SessionRules.Yield(s, now));
                events.Add(new ParticipantLeft(s.Id, a.MemberId, ByMembership, now));
            }
            else if (m.Role != a.Role)
                events.Add(new ParticipantCheckedIn(s.Id, m.MemberId, m.Name, m.Group, m.Role, a.Presence, ByMembership, now));
        }
        return Verdict.Accept([.. events]);
    }

    public static Verdict OpenItem(ForumState forum, SessionState s, OpenItem c, Actor? actor, DateTimeOffset now)
    {
        if (SessionRules.CoChairOnly(forum, actor, "open agenda items") is { } denied) return denied;
        if (s.Status != SessionStatus.Open) return SessionRules.NotOpen(s, "open an item");
        if (s.Item(c.ItemId) is not { } item) return SessionRules.ItemNotFound(s, c.ItemId);
        if (s.CurrentItemId is { } current && current != item.ItemId)
            return Rejection.Conflict("one-item-at-a-time", $"'{s.Item(current)!.Title}' is still open; close it before opening another.");
        if (item.Status != ItemStatus.Pending)
            return Rejection.Conflict("item-not-pending", $"'{item.Title}' is {item.Status}; an item is opened once.");
        return Verdict.Accept(new AgendaItemOpened(s.Id, item.ItemId, actor!.AccountId, now));
    }

    public static Verdict Table(ForumState forum, SessionState s, TableProposal c, Actor? actor, DateTimeOffset now)
    {
        if (SessionRules.CoChairOnly(forum, actor, "table a proposal") is { } denied) return denied;
        if (SessionRules.OpenItemOf(s, c.ItemId, "table a proposal on") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (Input.Required("text", c.Text, SessionRules.TextMax) is { } bad) return bad;
        var text = c.Text!.Trim();
        if (item.Proposal == text) return Verdict.Accept();
        return item.Proposal is null
            ? Verdict.Accept(new ProposalTabled(s.Id, item.ItemId, text, actor!.AccountId, now))
            : Verdict.Accept(new ProposalRevised(s.Id, item.ItemId, text, item.ProposalRevision + 1, actor!.AccountId, now));
    }

    public static Verdict Hand(ForumState forum, SessionState s, RaiseHand c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        if (c.Raised is null) return Rejection.Invalid("raised", "field-required", "'raised' is required: true to raise your hand, false to lower it.");
        var member = forum.MemberByEmail(actor.Email);
        if (member is null) return Rejection.Forbidden("forum-members-only", "Only members of this forum raise hands.");
        if (!member.Votes) return Rejection.Forbidden("voting-member-only", $"{member.Name} is an observer; observers watch.");
        if (s.Status != SessionStatus.Open) return SessionRules.NotOpen(s, "raise hands");
        if (!s.Present.ContainsKey(member.MemberId))
            return Rejection.Conflict("check-in-first", $"{member.Name} has not checked in; only members present raise hands.");
        var raised = s.Hands.Contains(member.MemberId);
        if (c.Raised == raised) return Verdict.Accept();
        return c.Raised.Value
            ? Verdict.Accept(new HandRaised(s.Id, member.MemberId, now))
            : Verdict.Accept(new HandLowered(s.Id, member.MemberId, now));
    }

    public static Verdict Floor(ForumState forum, SessionState s, GiveFloor c, Actor? actor, DateTimeOffset now)
    {
        if (SessionRules.CoChairOnly(forum, actor, "give the floor") is { } denied) return denied;
        if (s.Status != SessionStatus.Open) return SessionRules.NotOpen(s, "give the floor");
        var events = new List<object>();
        if (c.MemberId is null)
        {
            if (s.Floor is null) return Verdict.Accept();
            return Verdict.Accept(SessionRules.Yield(s, now));
        }
        if (!s.Present.TryGetValue(c.MemberId.Value, out var speaker))
            return forum.Members.ContainsKey(c.MemberId.Value)
                ? Rejection.Conflict("speaker-present", $"{forum.Members[c.MemberId.Value].Name} is not checked in; the floor goes to someone present.")
                : Rejection.NotFound("member-not-found", $"'{forum.Name}' has no member {c.MemberId}.");
        if (s.Floor == speaker.MemberId) return Verdict.Accept();
        if (s.Floor is not null) events.Add(SessionRules.Yield(s, now));
        events.Add(new FloorGiven(s.Id, speaker.MemberId, actor!.AccountId, now));
        return Verdict.Accept([.. events]);
    }


    public static Verdict CloseItem(ForumState forum, SessionState s, CloseItem c, Actor? actor, DateTimeOffset now)
    {
        if (SessionRules.CoChairOnly(forum, actor, "close agenda items") is { } denied) return denied;
        if (SessionRules.OpenItemOf(s, c.ItemId, "close") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (item.Kind == ItemKind.Decision && !item.Decided)
            return Rejection.Conflict("decision-required", $"'{item.Title}' is a decision item: record its decision (Deferred if it waits) before closing it.");
        return Verdict.Accept(new AgendaItemClosed(s.Id, item.ItemId, actor!.AccountId, now));
    }

    public static Verdict Close(ForumState forum, SessionState s, CloseSession _, Actor? actor, DateTimeOffset now)
    {
        if (SessionRules.CoChairOnly(forum, actor, "close the session") is { } denied) return denied;
        if (s.Status != SessionStatus.Open) return SessionRules.NotOpen(s, "close it");
        if (s.CurrentItemId is { } current)
            return Rejection.Conflict("item-still-open", $"'{s.Item(current)!.Title}' is still open; close it first.");
        var events = new List<object>();
        if (s.Floor is not null) events.Add(SessionRules.Yield(s, now));
        events.Add(new SessionClosed(s.Id, actor!.AccountId, now));
        return Verdict.Accept([.. events]);
    }

}
