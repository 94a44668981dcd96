using Forum.Domain.Forums;

namespace Forum.Projections.Forums;

public sealed class RosterMember
{
    public Guid MemberId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Organisation { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public MemberRole Role { get; set; }
    public bool CoChair { get; set; }
    public DateTimeOffset AdmittedAt { get; set; }
}

/// <summary>A forum's members by group, its co-chairs, secretariat and rules. Inline: a secretariat sees its own change at once.</summary>
public sealed class ForumRoster
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Country { get; set; } = "";
    public string Language { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset EstablishedAt { get; set; }
    public List<RosterMember> Members { get; set; } = [];
    public List<string> Secretariat { get; set; } = [];
    public ForumRules Rules { get; set; } = ForumRules.Default;
    public long Version { get; set; }

    public static ForumRoster Create(ForumEstablished e) => new()
    {
        Id = e.ForumId, Name = e.Name, Country = e.Country, Language = e.Language, Description = e.Description, EstablishedAt = e.At,
    };

    public void Apply(MemberAdmitted e) => Members.Add(new RosterMember
    {
        MemberId = e.MemberId, Name = e.Name, Email = e.Email, Organisation = e.Organisation, Group = e.Group, Role = e.Role, AdmittedAt = e.At,
    });

    public void Apply(MemberRoleChanged e) => Member(e.MemberId).Role = e.Role;
    public void Apply(MemberRemoved e) => Members.RemoveAll(m => m.MemberId == e.MemberId);
    public void Apply(CoChairAppointed e) => Member(e.MemberId).CoChair = true;
    public void Apply(CoChairStoodDown e) => Member(e.MemberId).CoChair = false;
    public void Apply(SecretariatAssigned e) => Secretariat.Add(e.Email);
    public void Apply(ForumRulesSet e) => Rules = new ForumRules(e.QuorumShare, e.ParityRequired, e.VoteFallback, e.VoteThreshold);

    private RosterMember Member(Guid id) => Members.Single(m => m.MemberId == id);
}
