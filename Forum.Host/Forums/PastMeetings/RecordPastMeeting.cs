using System.Globalization;
using System.Security.Cryptography;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Forums.PastMeetings;
using Forum.Host.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Forums.PastMeetings;

public static class RecordPastMeetingEndpoint
{
    /// <summary>
    /// multipart/form-data: <c>heldOn</c> (yyyy-MM-dd), <c>title</c>, <c>government</c>, <c>civilSociety</c>, <c>other</c>
    /// (people who attended), optionally <c>minutesPublishedOn</c> and the file <c>minutes</c>.
    /// </summary>
    [WolverinePost("/api/forums/{forumId}/past-meetings"), Tags("Forums")]
    public static async Task<(IResult, Events, IMartenOp)> Post(HttpRequest request, [WriteAggregate("forumId", Required = false)] ForumState forum,
        [NotBody] Actor actor, TimeProvider clock)
    {
        // Who may record comes before the upload is read: nobody else's 20 MB is buffered.
        if (PastMeetingRules.MayRecord(forum, actor) is { } denied) return Refused(denied);
        var (form, unreadable) = await ReadForm(request);
        if (unreadable is not null) return Refused(unreadable);
        var (fields, bad) = Parse(form!);
        if (bad is not null) return Refused(bad);

        var pastMeetingId = Guid.CreateVersion7();
        PastMeetingMinutesFile? stored = null;
        if (form!.Files.GetFile("minutes") is { Length: > 0 } file)
        {
            if (PastMeetingRules.CheckSize(file.Length) is { } tooLarge) return Refused(tooLarge);
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content);
            var name = PastMeetingRules.SafeFileName(file.FileName);
            var (contentType, refused) = PastMeetingRules.FileKind(name, content);
            if (refused is not null) return Refused(refused);
            stored = new PastMeetingMinutesFile
            {
                Id = pastMeetingId, ForumId = forum.Id, FileName = name, ContentType = contentType!,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content,
            };
        }

        var minutes = stored is null ? null : new PastMeetingFile(stored.FileName, stored.ContentType, stored.Content.LongLength, stored.Sha256);
        var verdict = PastMeetingRules.Record(forum, fields! with { ForumId = forum.Id, PastMeetingId = pastMeetingId, Minutes = minutes }, actor, clock.GetUtcNow());
        var href = $"/api/forums/{forum.Id}/past-meetings/{pastMeetingId}";
        var (result, events) = verdict.Answer(Results.Created(href, new
        {
            pastMeetingId, minutes = minutes is null ? null : new { minutes.FileName, minutes.ContentType, minutes.Bytes, minutes.Sha256, href = href + "/minutes" },
        }));
        return (result, events, events.Count > 0 && stored is not null ? MartenOps.Store(stored) : MartenOps.Nothing());
    }

    private static (IResult, Events, IMartenOp) Refused(Rejection r) => (Problems.Of(r), new Events(), MartenOps.Nothing());

    private static async Task<(IFormCollection?, Rejection?)> ReadForm(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return (null, new Rejection(RejectionKind.UnsupportedMediaType, "multipart-required",
                "Send the past meeting as multipart/form-data: heldOn, title, government, civilSociety, other, and the file 'minutes'."));
        // The file's limit plus room for the other fields; Kestrel refuses a longer body as it is read.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = PastMeetingRules.MaxFileBytes + 1024 * 1024;
        try
        {
            return (await request.ReadFormAsync(request.HttpContext.RequestAborted), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, PastMeetingRules.FileTooLarge());
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, Rejection.Invalid("body", "form-unreadable", "The body is not readable multipart/form-data."));
        }
    }

    private static (RecordPastMeeting?, Rejection?) Parse(IFormCollection form)
    {
        Rejection? bad = null;
        DateOnly? Date(string field)
        {
            var text = form[field].ToString().Trim();
            if (text.Length == 0) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            bad ??= Rejection.Invalid(field, "date-invalid", $"'{field}' is a date written yyyy-MM-dd, such as 2024-03-14.");
            return null;
        }
        int? Count(string field)
        {
            var text = form[field].ToString().Trim();
            if (text.Length == 0) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            bad ??= Rejection.Invalid(field, "attendance-range", $"'{field}' counts the people of that group who attended: a whole number from 0.");
            return null;
        }
        return (new RecordPastMeeting(Guid.Empty, Guid.Empty, Date("heldOn"), form["title"].ToString(), Count("government"), Count("civilSociety"),
            Count("other"), null, Date("minutesPublishedOn")), bad);
    }
}
