using Forum.Domain.Forums;
using Forum.Domain.Forums.PastMeetings;

namespace Forum.Projections.Forums;

public sealed class PublicPastMeeting
{
    public Guid PastMeetingId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Title { get; set; } = "";
    public Dictionary<StakeholderGroup, int> Attendance { get; set; } = [];
    public PastMeetingFile? Minutes { get; set; }
    public DateOnly? MinutesPublishedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// What the forum stream adds to its public face beyond the roster: when it was established, each time its rules were set,
/// and the meetings it held before it used Forum. Inline, like the roster. Nothing in it is private: no e-mail addresses.
/// </summary>
public sealed class ForumPublicRecord
{
    public Guid Id { get; set; }
    public DateTimeOffset EstablishedAt { get; set; }
    public List<DateTimeOffset> RulesSet { get; set; } = [];
    public List<PublicPastMeeting> PastMeetings { get; set; } = [];
    public long Version { get; set; }

    public DateTimeOffset? RulesSetAt => RulesSet.Count > 0 ? RulesSet[^1] : null;

    public static ForumPublicRecord Create(ForumEstablished e) => new() { Id = e.ForumId, EstablishedAt = e.At };

    public void Apply(ForumRulesSet e) => RulesSet.Add(e.At);

    public void Apply(PastMeetingRecorded e) => PastMeetings.Add(new PublicPastMeeting
    {
        PastMeetingId = e.PastMeetingId, HeldOn = e.HeldOn, Title = e.Title, Attendance = e.Attendance.ToDictionary(), Minutes = e.Minutes,
        MinutesPublishedOn = e.MinutesPublishedOn, RecordedAt = e.At,
    });
}
