namespace Forum.Domain.Forums.PastMeetings;

/// <summary>The uploaded minutes of a past meeting: what was kept (the bytes themselves are stored beside the event).</summary>
public sealed record PastMeetingFile(string FileName, string ContentType, long Bytes, string Sha256);

// Stored events of the forum stream: never renamed or reshaped; add a new one instead.

/// <summary>
/// A meeting the forum held before it used Forum (or without it), recorded by the secretariat so that the forum's record
/// starts where the forum really started. MinutesPublishedOn is when those minutes were first made public, if known.
/// </summary>
public sealed record PastMeetingRecorded(Guid ForumId, Guid PastMeetingId, DateOnly HeldOn, string Title,
    IReadOnlyDictionary<StakeholderGroup, int> Attendance, PastMeetingFile? Minutes, DateOnly? MinutesPublishedOn, Guid By, DateTimeOffset At);
