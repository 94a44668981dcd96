using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.Sessions.Positions;

/// <summary>
/// Positions: only voting members who checked in take one, on the open discussion or decision item; resubmitting revises;
/// the secretariat records one for someone in the room without a device, and the position says who recorded it.
/// A member's positions apply in the order they were accepted, whatever order they reach the board in (after a crash, a
/// restart, or through two hosts): one accepted before the member's current position is superseded, never applied.
/// </summary>
public static class PositionRules
{
    /// <summary><paramref name="current"/>: the member's position on the item as it stands (withdrawn or not), null if none; the door
    /// check before queueing passes null and the batch decides again with it.</summary>
    public static Verdict Submit(ForumState forum, SessionState s, PositionState? current, SubmitPosition c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var (member, recordedBy, refusal) = SessionRules.Subject(forum, actor, c.OnBehalfOf, "record a position for someone else", "onBehalfOf");
        if (refusal is not null) return refusal;
        if (!member!.Votes)
            return Rejection.Forbidden("voting-member-only", $"{member.Name} is an observer; observers watch and do not take positions.");
        if (Input.First(Input.Defined("stance", c.Stance), Input.MaxLength("statement", c.Statement, SessionRules.StatementMax)) is { } bad) return bad;
        if (s.Status != SessionStatus.Open) return SessionRules.NotOpen(s, "submit positions");
        if (SessionRules.OpenItemOf(s, c.ItemId, "take a position on") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (item.Kind == ItemKind.Information)
            return Rejection.Conflict("information-item", $"'{item.Title}' is for information; positions are taken on discussion and decision items.");
        if (!s.Present.TryGetValue(member.MemberId, out var here))
            return Rejection.Conflict("check-in-first", $"{member.Name} has not checked in; only members present take positions.");
        // The secretariat records positions for people in the room without a device.
        if (recordedBy is not null && here.Presence != Presence.InRoom)
            return Rejection.Conflict("on-behalf-in-room-only", $"{member.Name} is online and submits their own position.");
        var statement = c.Statement?.Trim() ?? "";
        if (c.Stance is Stance.Block or Stance.Object && statement.Length == 0)
            return Rejection.Invalid("statement", "statement-required", $"A {c.Stance} says why: 'statement' is required.");
        if (current is not null && current.At > c.AcceptedAt)
            return Rejection.Conflict(Superseded, $"A position {member.Name} sent later is already on the board; this earlier one is not applied over it.");
        if (current is { Withdrawn: false } && current.Stance == c.Stance && current.Statement == statement)
            return Verdict.Accept();
        return Verdict.Accept(new PositionSubmitted(s.Id, item.ItemId, member.MemberId, c.Stance!.Value, statement, recordedBy, c.SubmissionId, c.AcceptedAt));
    }

    /// <summary>The rule that says a submission arrived after a newer one of the same member: not an error to show them.</summary>
    public const string Superseded = "position-superseded";

    public static Verdict Withdraw(ForumState forum, SessionState s, PositionState? current, WithdrawPosition c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var (member, _, refusal) = SessionRules.Subject(forum, actor, c.OnBehalfOf, "withdraw a position for someone else", "onBehalfOf");
        if (refusal is not null) return refusal;
        if (s.Status != SessionStatus.Open) return SessionRules.NotOpen(s, "withdraw positions");
        if (SessionRules.OpenItemOf(s, c.ItemId, "withdraw a position on") is { Rejection: { } r }) return r;
        if (current is not { Withdrawn: false }) return Verdict.Accept();
        return Verdict.Accept(new PositionWithdrawn(s.Id, c.ItemId, member!.MemberId, now));
    }
}
