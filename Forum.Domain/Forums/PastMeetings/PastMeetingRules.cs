using Forum.Domain.Common;

namespace Forum.Domain.Forums.PastMeetings;

public sealed record RecordPastMeeting(Guid ForumId, Guid PastMeetingId, DateOnly? HeldOn, string? Title, int? Government, int? CivilSociety, int? Other,
    PastMeetingFile? Minutes, DateOnly? MinutesPublishedOn);

/// <summary>Recording a past meeting (the secretariat): a real date not in the future, who attended by group, the minutes file if kept.</summary>
public static class PastMeetingRules
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxAttendance = 100_000;
    /// <summary>Older than any multi-stakeholder forum: a date before it is a typing slip (0204 for 2024), not history.</summary>
    public static readonly DateOnly Earliest = new(1990, 1, 1);

    /// <summary>PDF, images and office documents (DESIGN: as for evidence files), known by their first bytes, not only by what the browser says.</summary>
    private static readonly (string Extension, string ContentType, byte[] Magic)[] Kinds =
    [
        (".pdf", "application/pdf", "%PDF-"u8.ToArray()),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\u0003\u0004"u8.ToArray()),
        (".odt", "application/vnd.oasis.opendocument.text", "PK\u0003\u0004"u8.ToArray()),
        (".doc", "application/msword", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
    ];

    public static string AcceptedTypes => string.Join(", ", Kinds.Select(k => k.Extension).Distinct());

    public static Rejection? MayRecord(ForumState forum, Actor? actor) =>
        ForumAccess.Require(forum, actor, ForumRole.Secretariat, "record past meetings");

    public static Rejection? CheckSize(long bytes) => bytes > MaxFileBytes ? FileTooLarge() : null;

    public static Rejection FileTooLarge() =>
        new(RejectionKind.TooLarge, "minutes-file-too-large", $"The minutes file may be at most {MaxFileBytes / (1024 * 1024)} MB.");

    /// <summary>The content type the file is kept and served back with, decided by its name and its first bytes; or the refusal.</summary>
    public static (string? ContentType, Rejection? Refusal) FileKind(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var kind in Kinds)
            if (kind.Extension == extension && head.StartsWith(kind.Magic)) return (kind.ContentType, null);
        return (null, new Rejection(RejectionKind.UnsupportedMediaType, "minutes-file-type",
            $"The minutes file must be a document of one of these kinds: {AcceptedTypes}; '{fileName}' is not (judged by its name and its first bytes)."));
    }

    public static Verdict Record(ForumState forum, RecordPastMeeting c, Actor? actor, DateTimeOffset now)
    {
        if (MayRecord(forum, actor) is { } denied) return denied;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (Input.First(
                c.HeldOn is null ? Rejection.Invalid("heldOn", "field-required", "'heldOn' is required: the date of the meeting, such as 2024-03-14.") : null,
                c.HeldOn < Earliest ? Rejection.Invalid("heldOn", "past-meeting-date-range", $"'heldOn' is a date from {Earliest:yyyy-MM-dd} on.") : null,
                c.HeldOn > today ? Rejection.Invalid("heldOn", "past-meeting-in-future", $"A past meeting is held on or before today ({today:yyyy-MM-dd}); schedule a session for a meeting to come.") : null,
                Input.Required("title", c.Title, ForumDecider.NameMax), Input.Text("title", c.Title),
                Count("government", c.Government), Count("civilSociety", c.CivilSociety), Count("other", c.Other),
                c.MinutesPublishedOn is { } published && (published < c.HeldOn || published > today)
                    ? Rejection.Invalid("minutesPublishedOn", "minutes-published-date", "'minutesPublishedOn' falls between the meeting's date and today.")
                    : null) is { } bad)
            return bad;
        if ((c.Government ?? 0) + (c.CivilSociety ?? 0) + (c.Other ?? 0) == 0)
            return Rejection.Invalid("government", "past-meeting-attendance", "Say how many people of each group attended: at least one person did.");
        if (c.MinutesPublishedOn is not null && c.Minutes is null)
            return Rejection.Invalid("minutesPublishedOn", "minutes-published-without-file", "'minutesPublishedOn' goes with the minutes file it dates; attach the file.");
        var title = c.Title!.Trim();
        if (forum.PastMeetings.Any(m => m.HeldOn == c.HeldOn && string.Equals(m.Title, title, StringComparison.OrdinalIgnoreCase)))
            return Rejection.Conflict("past-meeting-recorded", $"'{title}' of {c.HeldOn:yyyy-MM-dd} is already recorded for '{forum.Name}'.");
        var attendance = new Dictionary<StakeholderGroup, int>
        {
            [StakeholderGroup.Government] = c.Government ?? 0, [StakeholderGroup.CivilSociety] = c.CivilSociety ?? 0, [StakeholderGroup.Other] = c.Other ?? 0,
        };
        return Verdict.Accept(new PastMeetingRecorded(forum.Id, c.PastMeetingId, c.HeldOn!.Value, title, attendance, c.Minutes, c.MinutesPublishedOn,
            actor!.AccountId, now));
    }

    public static Rejection PastMeetingNotFound(Guid forumId, Guid pastMeetingId) =>
        Rejection.NotFound("past-meeting-not-found", $"Forum {forumId} has no past meeting {pastMeetingId}.");

    public static Rejection MinutesFileNotFound(Guid forumId, Guid pastMeetingId) =>
        Rejection.NotFound("past-meeting-minutes-not-found", $"Forum {forumId} keeps no minutes file for past meeting {pastMeetingId}.");

    /// <summary>The file name as kept and served back: its last segment, without control characters or quotes.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        name = new string(name.Select(ch => char.IsControl(ch) || ch is '"' ? '_' : ch).ToArray());
        if (name.Length > 200) name = name[^200..];
        return name.Length == 0 ? "minutes" : name;
    }

    private static Rejection? Count(string field, int? value) =>
        value is < 0 or > MaxAttendance
            ? Rejection.Invalid(field, "attendance-range", $"'{field}' counts the people of that group who attended: 0 to {MaxAttendance}.")
            : null;
}
