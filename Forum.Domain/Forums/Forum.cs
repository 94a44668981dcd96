using System.Collections.Immutable;
using Forum.Domain.Forums.PastMeetings;

namespace Forum.Domain.Forums;

public sealed record Member(Guid MemberId, string Name, string Email, string Organisation, StakeholderGroup Group, MemberRole Role)
{
    public bool Votes => Role == MemberRole.Member;
}

public sealed record PastMeetingKey(Guid PastMeetingId, DateOnly HeldOn, string Title);

/// <summary>The forum stream folded into what its rules need to know.</summary>
public sealed record ForumState(
    Guid Id,
    string Name,
    string Country,
    string Language,
    string Description,
    ImmutableDictionary<Guid, Member> Members,
    ImmutableDictionary<StakeholderGroup, Guid> CoChairs,
    ImmutableHashSet<string> Secretariat,
    ForumRules Rules)
{
    public long Version { get; set; }

    /// <summary>The meetings recorded from before the forum used Forum, by date and title: enough to refuse recording one twice.</summary>
    public ImmutableList<PastMeetingKey> PastMeetings { get; init; } = ImmutableList<PastMeetingKey>.Empty;

    public static ForumState Create(ForumEstablished e) =>
        new(e.ForumId, e.Name, e.Country, e.Language, e.Description,
            ImmutableDictionary<Guid, Member>.Empty, ImmutableDictionary<StakeholderGroup, Guid>.Empty,
            ImmutableHashSet<string>.Empty, ForumRules.Default);

    public ForumState Apply(MemberAdmitted e) =>
        this with { Members = Members.SetItem(e.MemberId, new Member(e.MemberId, e.Name, e.Email, e.Organisation, e.Group, e.Role)) };

    public ForumState Apply(MemberRoleChanged e) =>
        this with { Members = Members.SetItem(e.MemberId, Members[e.MemberId] with { Role = e.Role }) };

    public ForumState Apply(MemberRemoved e) => this with { Members = Members.Remove(e.MemberId) };

    public ForumState Apply(CoChairAppointed e) => this with { CoChairs = CoChairs.SetItem(e.Group, e.MemberId) };

    public ForumState Apply(CoChairStoodDown e) =>
        this with { CoChairs = CoChairs.Where(c => c.Value != e.MemberId).ToImmutableDictionary() };

    public ForumState Apply(SecretariatAssigned e) => this with { Secretariat = Secretariat.Add(e.Email) };

    public ForumState Apply(ForumRulesSet e) =>
        this with { Rules = new ForumRules(e.QuorumShare, e.ParityRequired, e.VoteFallback, e.VoteThreshold) };

    public ForumState Apply(PastMeetingRecorded e) => this with { PastMeetings = PastMeetings.Add(new PastMeetingKey(e.PastMeetingId, e.HeldOn, e.Title)) };

    public Member? MemberByEmail(string email) => Members.Values.FirstOrDefault(m => m.Email == email);
    public bool IsCoChair(Guid memberId) => CoChairs.Values.Contains(memberId);
}
