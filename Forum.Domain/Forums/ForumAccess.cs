using Forum.Domain.Common;

namespace Forum.Domain.Forums;

/// <summary>What a person may do in one forum, highest first wins.</summary>
public enum ForumRole { None = 0, Observer = 1, Member = 2, CoChair = 3, Secretariat = 4 }

public static class ForumAccess
{
    public static ForumRole RoleOf(ForumState forum, Actor? actor)
    {
        if (actor is null) return ForumRole.None;
        // The platform administrator (the first secretariat account) acts as secretariat everywhere.
        if (actor.IsAdministrator || forum.Secretariat.Contains(actor.Email)) return ForumRole.Secretariat;
        var member = forum.MemberByEmail(actor.Email);
        if (member is null) return ForumRole.None;
        if (forum.IsCoChair(member.MemberId)) return ForumRole.CoChair;
        return member.Votes ? ForumRole.Member : ForumRole.Observer;
    }

    /// <summary>Members' e-mail addresses are for the secretariat, who invites and signs people in; everyone else sees names and organisations.</summary>
    public static bool SeesAddresses(ForumRole role) => role == ForumRole.Secretariat;

    /// <summary>
    /// 401 for nobody; 404 for someone outside the forum, which tells them nothing about it, not even its name;
    /// 403 naming the role needed for a member below it.
    /// </summary>
    public static Rejection? Require(ForumState forum, Actor? actor, ForumRole needed, string action)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var role = RoleOf(forum, actor);
        if (role >= needed) return null;
        if (role == ForumRole.None) return Outsider();
        var rule = needed switch
        {
            ForumRole.Secretariat => "secretariat-only",
            ForumRole.CoChair => "co-chair-only",
            ForumRole.Member => "voting-member-only",
            _ => "forum-members-only",
        };
        return Rejection.Forbidden(rule, $"Only {Describe(needed)} may {action}; you are {Describe(role)} of '{forum.Name}'.");
    }

    public static Rejection Outsider() =>
        Rejection.NotFound("forum-members-only", "There is nothing here for you: only a forum's members and the people it invites see it.");

    private static string Describe(ForumRole role) => role switch
    {
        ForumRole.Secretariat => "the forum's secretariat",
        ForumRole.CoChair => "a co-chair",
        ForumRole.Member => "a voting member",
        ForumRole.Observer => "an observer",
        _ => "not a member",
    };
}
