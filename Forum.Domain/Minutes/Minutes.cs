using System.Collections.Immutable;
using Forum.Domain.Forums;

namespace Forum.Domain.Minutes;

public sealed record MinutesApproval(Guid MemberId, string Name, StakeholderGroup Group, DateTimeOffset At);

/// <summary>The minutes stream folded into what its rules need. A handful of events per stream: aggregated live.</summary>
public sealed record MinutesState(
    Guid Id,
    Guid SessionId,
    Guid ForumId,
    string SessionTitle,
    DateTimeOffset SessionStartsAt,
    long SessionVersion,
    string EventsSha256,
    string Language,
    string Markdown,
    int Revision,
    ImmutableList<MinutesApproval> Approvals,
    MinutesStatus Status,
    MinutesPublished? Publication)
{
    public long Version { get; set; }

    public static MinutesState Create(MinutesDrafted e) =>
        new(e.MinutesId, e.SessionId, e.ForumId, e.SessionTitle, e.SessionStartsAt, e.SessionVersion, e.EventsSha256, e.Language, e.Markdown,
            0, ImmutableList<MinutesApproval>.Empty, MinutesStatus.Draft, null);

    // A revision changes what was approved: approvals start again.
    public MinutesState Apply(MinutesRevised e) =>
        this with { Markdown = e.Markdown, Revision = e.Revision, Approvals = ImmutableList<MinutesApproval>.Empty };

    public MinutesState Apply(MinutesApproved e) =>
        this with { Approvals = Approvals.Add(new MinutesApproval(e.MemberId, e.Name, e.Group, e.At)) };

    public MinutesState Apply(MinutesPublished e) => this with { Status = MinutesStatus.Published, Publication = e };

    public bool ApprovedBy(StakeholderGroup group) => Approvals.Any(a => a.Group == group);
}
