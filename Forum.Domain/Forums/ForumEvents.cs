namespace Forum.Domain.Forums;

public enum StakeholderGroup { Government, CivilSociety, Other }
public enum MemberRole { Member, Observer }

public sealed record ForumRules(double QuorumShare, bool ParityRequired, bool VoteFallback, double VoteThreshold)
{
    // Until a forum sets its own: half of the voting members present, no parity, consensus only.
    public static readonly ForumRules Default = new(0.5, false, false, 0.0);
}

// Stored events: never renamed or reshaped; add a new one instead.
public sealed record ForumEstablished(Guid ForumId, string Name, string Country, string Language, string Description, Guid By, DateTimeOffset At);
public sealed record MemberAdmitted(Guid ForumId, Guid MemberId, string Name, string Email, string Organisation, StakeholderGroup Group, MemberRole Role, Guid By, DateTimeOffset At);
public sealed record MemberRoleChanged(Guid ForumId, Guid MemberId, MemberRole Role, Guid By, DateTimeOffset At);
public sealed record MemberRemoved(Guid ForumId, Guid MemberId, Guid By, DateTimeOffset At);
public sealed record CoChairAppointed(Guid ForumId, Guid MemberId, StakeholderGroup Group, Guid By, DateTimeOffset At);
public sealed record CoChairStoodDown(Guid ForumId, Guid MemberId, Guid By, DateTimeOffset At);
public sealed record SecretariatAssigned(Guid ForumId, string Email, Guid By, DateTimeOffset At);
public sealed record ForumRulesSet(Guid ForumId, double QuorumShare, bool ParityRequired, bool VoteFallback, double VoteThreshold, Guid By, DateTimeOffset At);
