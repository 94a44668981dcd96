using Forum.Domain.Common;

namespace Forum.Domain.Forums;

public sealed record EstablishForum(Guid ForumId, string? Name, string? Country, string? Language, string? Description);
public sealed record AdmitMember(Guid ForumId, Guid MemberId, string? Name, string? Email, string? Organisation, StakeholderGroup? Group, MemberRole? Role);
public sealed record ChangeMemberRole(Guid ForumId, Guid MemberId, MemberRole? Role);
public sealed record RemoveMember(Guid ForumId, Guid MemberId);
public sealed record AppointCoChair(Guid ForumId, Guid? MemberId);
public sealed record StandDownCoChair(Guid ForumId, Guid MemberId);
public sealed record AssignSecretariat(Guid ForumId, string? Email);
public sealed record SetForumRules(Guid ForumId, double? QuorumShare, bool? ParityRequired, bool? VoteFallback, double? VoteThreshold);

/// <summary>The forum's rules: pure functions of (state, command, who, now) to events or a named refusal.</summary>
public static class ForumDecider
{
    public const int NameMax = 200, DescriptionMax = 4000, CountryMax = 100;

    public static Verdict Establish(EstablishForum c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        // Only the platform administrator creates forums; each forum's secretariat is then assigned.
        if (!actor.IsAdministrator)
            return Rejection.Forbidden("administrator-only", "Only the platform administrator creates forums.");
        if (Input.First(
                Input.Required("name", c.Name, NameMax),
                Input.Required("country", c.Country, CountryMax),
                Language("language", c.Language),
                Input.MaxLength("description", c.Description, DescriptionMax)) is { } bad)
            return bad;
        return Verdict.Accept(new ForumEstablished(c.ForumId, c.Name!.Trim(), c.Country!.Trim(), c.Language!.Trim().ToLowerInvariant(),
            c.Description?.Trim() ?? "", actor.AccountId, now));
    }

    public static Verdict Admit(ForumState forum, AdmitMember c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "admit members") is { } denied) return denied;
        if (Input.First(
                Input.Required("name", c.Name, NameMax),
                Input.Email("email", c.Email),
                Input.MaxLength("organisation", c.Organisation, NameMax),
                Input.Defined("group", c.Group),
                Input.Defined("role", c.Role)) is { } bad)
            return bad;
        var email = Actor.NormaliseEmail(c.Email!);
        if (forum.MemberByEmail(email) is { } existing)
            return Rejection.Conflict("member-email-unique", $"{email} is already a member of '{forum.Name}' ({existing.Name}); one membership per person.");
        return Verdict.Accept(new MemberAdmitted(forum.Id, c.MemberId, c.Name!.Trim(), email, c.Organisation?.Trim() ?? "",
            c.Group!.Value, c.Role!.Value, actor!.AccountId, now));
    }

    public static Verdict ChangeRole(ForumState forum, ChangeMemberRole c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "change members' roles") is { } denied) return denied;
        if (Input.Defined("role", c.Role) is { } bad) return bad;
        if (!forum.Members.TryGetValue(c.MemberId, out var member)) return MemberNotFound(forum, c.MemberId);
        if (member.Role == c.Role) return Verdict.Accept();
        if (forum.IsCoChair(member.MemberId))
            return Rejection.Conflict("co-chair-votes", $"{member.Name} is a co-chair; a co-chair stands down before becoming an observer.");
        return Verdict.Accept(new MemberRoleChanged(forum.Id, member.MemberId, c.Role!.Value, actor!.AccountId, now));
    }

    public static Verdict Remove(ForumState forum, RemoveMember c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "remove members") is { } denied) return denied;
        if (!forum.Members.TryGetValue(c.MemberId, out var member)) return MemberNotFound(forum, c.MemberId);
        if (forum.IsCoChair(member.MemberId))
            return Rejection.Conflict("co-chair-stands-down-first", $"{member.Name} is a co-chair; appoint a successor or stand them down first.");
        return Verdict.Accept(new MemberRemoved(forum.Id, member.MemberId, actor!.AccountId, now));
    }

    public static Verdict Appoint(ForumState forum, AppointCoChair c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "appoint co-chairs") is { } denied) return denied;
        if (Input.Id("memberId", c.MemberId) is { } bad) return bad;
        if (!forum.Members.TryGetValue(c.MemberId!.Value, out var member)) return MemberNotFound(forum, c.MemberId.Value);
        if (forum.IsCoChair(member.MemberId))
            return Rejection.Conflict("already-co-chair", $"{member.Name} is already a co-chair.");
        // DESIGN: one Government and one CivilSociety co-chair at a time.
        if (member.Group == StakeholderGroup.Other)
            return Rejection.Conflict("co-chair-group", $"Co-chairs come from Government or CivilSociety; {member.Name} is in the group Other.");
        if (!member.Votes)
            return Rejection.Conflict("co-chair-votes", $"{member.Name} is an observer; a co-chair must be a voting member.");
        if (forum.CoChairs.TryGetValue(member.Group, out var sitting))
            return Rejection.Conflict("one-co-chair-per-group",
                $"'{forum.Name}' already has a {member.Group} co-chair ({forum.Members[sitting].Name}); they stand down before another is appointed.");
        return Verdict.Accept(new CoChairAppointed(forum.Id, member.MemberId, member.Group, actor!.AccountId, now));
    }

    public static Verdict StandDown(ForumState forum, StandDownCoChair c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "stand co-chairs down") is { } denied) return denied;
        if (!forum.Members.TryGetValue(c.MemberId, out var member)) return MemberNotFound(forum, c.MemberId);
        if (!forum.IsCoChair(member.MemberId))
            return Rejection.Conflict("not-a-co-chair", $"{member.Name} is not a co-chair.");
        return Verdict.Accept(new CoChairStoodDown(forum.Id, member.MemberId, actor!.AccountId, now));
    }

    public static Verdict AssignSecretariat(ForumState forum, AssignSecretariat c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        if (!actor.IsAdministrator)
            return Rejection.Forbidden("administrator-only", "Only the platform administrator assigns a forum's secretariat.");
        if (Input.Email("email", c.Email) is { } bad) return bad;
        var email = Actor.NormaliseEmail(c.Email!);
        if (forum.Secretariat.Contains(email)) return Verdict.Accept();
        return Verdict.Accept(new SecretariatAssigned(forum.Id, email, actor.AccountId, now));
    }

    public static Verdict SetRules(ForumState forum, SetForumRules c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "set the forum's rules") is { } denied) return denied;
        if (c.QuorumShare is null)
            return Rejection.Invalid("quorumShare", "field-required", "'quorumShare' is required: the share of voting members who must be present, above 0 and at most 1.");
        if (c.QuorumShare is <= 0 or > 1 || double.IsNaN(c.QuorumShare.Value))
            return Rejection.Invalid("quorumShare", "quorum-share-range", "'quorumShare' must be above 0 and at most 1 (for example 0.5 for half).");
        var fallback = c.VoteFallback ?? false;
        var threshold = c.VoteThreshold ?? 0;
        if (fallback && (threshold <= 0.5 || threshold > 1 || double.IsNaN(threshold)))
            return Rejection.Invalid("voteThreshold", "vote-threshold-range", "With a vote as fallback, 'voteThreshold' must be above 0.5 and at most 1 (for example 0.66).");
        return Verdict.Accept(new ForumRulesSet(forum.Id, c.QuorumShare.Value, c.ParityRequired ?? false, fallback, fallback ? threshold : 0, actor!.AccountId, now));
    }

    public static Rejection ForumNotFound(Guid forumId) =>
        Rejection.NotFound("forum-not-found", $"There is no forum {forumId}.");

    private static Rejection MemberNotFound(ForumState forum, Guid memberId) =>
        Rejection.NotFound("member-not-found", $"'{forum.Name}' has no member {memberId}.");

    private static Rejection? Language(string field, string? value)
    {
        if (Input.Required(field, value, 10) is { } missing) return missing;
        // A BCP 47 primary language subtag: en, uk, ru, hy, ka, az, ro ...
        var v = value!.Trim();
        return v.Length is 2 or 3 && v.All(char.IsAsciiLetter)
            ? null
            : Rejection.Invalid(field, "language-code", $"'{field}' must be a two- or three-letter language code such as en, uk, ru, hy or ka.");
    }
}
