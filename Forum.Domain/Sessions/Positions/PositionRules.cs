using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.Sessions.Positions;

/// <summary>
/// Positions: only voting members who checked in take one, on the open discussion or decision item; resubmitting revises;
/// the secretariat records one for someone in the room without a device, and the position says who recorded it.
/// </summary>
public static class PositionRules
{
    public static Verdict Submit(ForumState forum, SessionState s, SubmitPosition c, Actor? actor, DateTimeOffset now)
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
        if (item.Positions.TryGetValue(member.MemberId, out var before) && before.Stance == c.Stance && before.Statement == statement)
            return Verdict.Accept();
        return Verdict.Accept(new PositionSubmitted(s.Id, item.ItemId, member.MemberId, c.Stance!.Value, statement, recordedBy, c.SubmissionId, now));
    }

    public static Verdict Withdraw(ForumState forum, SessionState s, WithdrawPosition c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var (member, _, refusal) = SessionRules.Subject(forum, actor, c.OnBehalfOf, "withdraw a position for someone else", "onBehalfOf");
        if (refusal is not null) return refusal;
        if (s.Status != SessionStatus.Open) return SessionRules.NotOpen(s, "withdraw positions");
        if (SessionRules.OpenItemOf(s, c.ItemId, "withdraw a position on") is { Rejection: { } r }) return r;
        if (!s.Item(c.ItemId)!.Positions.ContainsKey(member!.MemberId)) return Verdict.Accept();
        return Verdict.Accept(new PositionWithdrawn(s.Id, c.ItemId, member.MemberId, now));
    }
}
