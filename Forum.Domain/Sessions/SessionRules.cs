using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.Sessions;

/// <summary>
/// What every session rule shares: who may see a session, and the refusals and checks the capabilities
/// (Scheduling, RunningTheRoom, Positions, Decisions) have in common.
/// </summary>
public static class SessionRules
{
    public const int TitleMax = 200, TextMax = 20000, StatementMax = 4000, ReasonMax = 2000, UrlMax = 1000;

    public static Rejection? MaySee(ForumState forum, Actor? actor) =>
        ForumAccess.Require(forum, actor, ForumRole.Observer, "see this forum's sessions");

    /// <summary>Forum members and observers see every session; a guest invited by e-mail sees the session they were invited to (read only).</summary>
    public static Rejection? MaySee(ForumState forum, SessionState s, Actor? actor) =>
        actor is not null && s.InvitationFor(actor.Email) is not null ? null : MaySee(forum, actor);

    /// <summary>A room display's link carries a token that reads this session's board: the secretariat or a co-chair makes it.</summary>
    public static Rejection? MayMakeDisplay(ForumState forum, Actor? actor)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var role = ForumAccess.RoleOf(forum, actor);
        return role is ForumRole.Secretariat or ForumRole.CoChair
            ? null
            : Rejection.Forbidden("secretariat-or-co-chair-only", "Only the secretariat or a co-chair makes a room display's link.");
    }

    public static Rejection SessionNotFound(Guid sessionId) => Rejection.NotFound("session-not-found", $"There is no session {sessionId}.");

    internal static Rejection? CoChairOnly(ForumState forum, Actor? actor, string action)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var member = forum.MemberByEmail(actor.Email);
        return member is not null && forum.IsCoChair(member.MemberId)
            ? null
            : Rejection.Forbidden("co-chair-only", $"Only a co-chair may {action}.");
    }

    /// <summary>The member acted for: oneself, or (secretariat only) someone named.</summary>
    internal static (Member? Member, string? RecordedBy, Rejection? Refusal) Subject(ForumState forum, Actor actor, Guid? onBehalfOf, string action, string field = "memberId")
    {
        var self = forum.MemberByEmail(actor.Email);
        if (onBehalfOf is null || onBehalfOf == self?.MemberId)
            return self is null
                ? (null, null, ForumAccess.RoleOf(forum, actor) == ForumRole.Secretariat
                    ? Rejection.Invalid(field, "field-required", $"The secretariat names the member: '{field}' is required.")
                    : Rejection.Forbidden("forum-members-only", "Only members of this forum take part in its sessions."))
                : (self, null, null);
        if (ForumAccess.RoleOf(forum, actor) != ForumRole.Secretariat)
            return (null, null, Rejection.Forbidden("secretariat-only", $"Only the secretariat may {action}."));
        return forum.Members.TryGetValue(onBehalfOf.Value, out var member)
            ? (member, actor.Email, null)
            : (null, null, Rejection.NotFound("member-not-found", $"'{forum.Name}' has no member {onBehalfOf}."));
    }

    internal static Verdict OpenItemOf(SessionState s, Guid itemId, string action)
    {
        if (s.Status != SessionStatus.Open) return NotOpen(s, action + " an item");
        if (s.Item(itemId) is not { } item) return ItemNotFound(s, itemId);
        if (item.Status != ItemStatus.Open)
            return Rejection.Conflict("item-not-open", $"'{item.Title}' is {item.Status}; you can only {action} the item that is open.");
        return Verdict.Accept();
    }

    internal static Rejection NotOpen(SessionState s, string action) => s.Status switch
    {
        SessionStatus.Scheduled => Rejection.Conflict("session-not-open", $"'{s.Title}' has not been opened yet; you cannot {action} before it opens."),
        SessionStatus.Closed => Rejection.Conflict("session-closed", $"'{s.Title}' is closed; you cannot {action} after it closes."),
        _ => Rejection.Conflict("session-cancelled", $"'{s.Title}' was cancelled."),
    };


    internal static Rejection ItemNotFound(SessionState s, Guid itemId) =>
        Rejection.NotFound("item-not-found", $"'{s.Title}' has no agenda item {itemId}.");


    internal static FloorYielded Yield(SessionState s, DateTimeOffset now) =>
        new(s.Id, s.Floor!.Value, Math.Max(0, (now - (s.FloorSince ?? now)).TotalSeconds), now);

    internal static string NameOf(ForumState forum, SessionState s, Guid memberId) =>
        s.Present.TryGetValue(memberId, out var a) ? a.Name : forum.Members.TryGetValue(memberId, out var m) ? m.Name : memberId.ToString();

    internal static StakeholderGroup GroupOf(ForumState forum, SessionState s, Guid memberId) =>
        s.Present.TryGetValue(memberId, out var a) ? a.Group : forum.Members.TryGetValue(memberId, out var m) ? m.Group : StakeholderGroup.Other;
}
