namespace Forum.Host.Forums.PastMeetings;

/// <summary>The bytes of a past meeting's minutes, exactly as uploaded; the event carries their SHA-256, size and type.</summary>
public sealed class PastMeetingMinutesFile
{
    public Guid Id { get; set; }
    public Guid ForumId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
}
