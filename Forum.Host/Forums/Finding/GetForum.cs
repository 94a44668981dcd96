using Forum.Projections.Forums;

namespace Forum.Host.Forums.Finding;

public static class GetForumEndpoint
{
    [WolverineGet("/api/forums/{forumId}"), Tags("Forums")]
    public static async Task<IResult> Get([ReadAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor, IQuerySession session)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Observer, "see this forum") is { } denied) return Problems.Of(denied);
        var roster = await session.LoadAsync<ForumRoster>(forum.Id);
        return Results.Ok(RosterView.Of(roster!, ForumAccess.RoleOf(forum, actor), actor.Email));
    }
}

/// <summary>What a roster shows: e-mail addresses only to whom <see cref="ForumAccess.SeesAddresses"/> allows.</summary>
public static class RosterView
{
    /// <summary><c>yourMemberId</c> lets a page find the caller among members, positions and hands without seeing e-mails.</summary>
    public static object Of(ForumRoster r, ForumRole role, string? yourEmail = null)
    {
        var addresses = ForumAccess.SeesAddresses(role);
        var you = yourEmail is null ? null : r.Members.FirstOrDefault(m => m.Email == yourEmail)?.MemberId;
        return new
        {
            forumId = r.Id, r.Name, r.Country, r.Language, r.Description, r.EstablishedAt, yourRole = role.ToString(), yourMemberId = you, r.Rules,
            secretariat = addresses ? r.Secretariat : null,
            members = r.Members.OrderBy(m => m.Group).ThenBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true))
                .Select(m => new { m.MemberId, m.Name, m.Organisation, m.Group, m.Role, m.CoChair, email = addresses ? m.Email : null }),
            groups = Enum.GetValues<StakeholderGroup>().ToDictionary(g => g.ToString(), g => r.Members.Count(m => m.Group == g)),
        };
    }
}
