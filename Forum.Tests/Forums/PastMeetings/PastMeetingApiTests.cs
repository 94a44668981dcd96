using System.Security.Cryptography;
using System.Text.Json;
using Forum.Tests.Forums.Public;
using Forum.Tests.Support;

namespace Forum.Tests.Forums.PastMeetings;

[Collection(ApiCollection.Name)]
public class PastMeetingApiTests(ApiFixture fixture) : PublicRecordContext(fixture)
{
    [Fact]
    public async Task The_secretariat_records_a_past_meeting_and_anyone_downloads_its_minutes_unchanged()
    {
        var forum = await ArrangeForum("Open Government Forum", Now.AddMonths(-2));
        var bytes = PdfBytes("Протокол засідання, 14 березня 2024");
        var created = await RecordPast(forum.Id, PastMeetingForm(new DateOnly(2024, 3, 14), "Founding meeting", 5, 4, 2,
            ("Протокол 2024-03-14.pdf", bytes, "application/octet-stream"), new DateOnly(2024, 3, 30)));
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var minutes = created.GetProperty("minutes");
        minutes.GetProperty("sha256").GetString().ShouldBe(sha);
        minutes.GetProperty("bytes").GetInt64().ShouldBe(bytes.Length);
        // Kept as what it is, not as what the browser said it was.
        minutes.GetProperty("contentType").GetString().ShouldBe("application/pdf");

        var meeting = await GetJson(null, $"/api/forums/{forum.Id}/past-meetings/{created.GetProperty("pastMeetingId").GetGuid()}");
        meeting.GetProperty("heldOn").GetString().ShouldBe("2024-03-14");
        meeting.GetProperty("attendance").GetProperty("CivilSociety").GetInt32().ShouldBe(4);
        meeting.GetProperty("minutes").GetProperty("publishedOn").GetString().ShouldBe("2024-03-30");

        var download = await Send(null, s => s.Get.Url(minutes.GetProperty("href").GetString()!), 200);
        using var body = new MemoryStream();
        await download.Context.Response.Body.CopyToAsync(body);
        body.ToArray().ShouldBe(bytes);
        download.Context.Response.ContentType.ShouldBe("application/pdf");
        download.Context.Response.Headers["Repr-Digest"].ToString().ShouldBe($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:");
        download.Context.Response.Headers.ContentDisposition.ToString().ShouldContain("attachment");
    }

    [Fact]
    public async Task A_past_meeting_without_a_minutes_file_is_recorded_and_has_nothing_to_download()
    {
        var forum = await ArrangeForum("Open Government Forum", Now.AddMonths(-2));
        var created = await RecordPast(forum.Id, PastMeetingForm(new DateOnly(2023, 9, 1), "Working group", 2, 2));
        created.GetProperty("minutes").ValueKind.ShouldBe(JsonValueKind.Null);
        var id = created.GetProperty("pastMeetingId").GetGuid();
        ShouldBeProblem(await GetJson(null, $"/api/forums/{forum.Id}/past-meetings/{id}/minutes", 404), 404, "past-meeting-minutes-not-found");
    }

    [Fact]
    public async Task Refused_uploads_name_the_rule_and_append_nothing()
    {
        var forum = await ArrangeForum("Open Government Forum", Now.AddMonths(-2));
        var day = new DateOnly(2024, 3, 14);
        var before = await EventCount();

        ShouldBeProblem(await ReadJson(await Send(null, s => s.Post.MultipartFormData(PastMeetingForm(day, "M", 1, 1)).ToUrl($"/api/forums/{forum.Id}/past-meetings"), 401)),
            401, "sign-in-required");
        var member = await TokenFor(forum.Emails[0]);
        ShouldBeProblem(await RecordPast(forum.Id, PastMeetingForm(day, "M", 1, 1), 403, token: member), 403, "secretariat-only");
        ShouldBeProblem(await RecordPast(Guid.CreateVersion7(), PastMeetingForm(day, "M", 1, 1), 404), 404, "forum-not-found");
        ShouldBeProblem(await PostJson(Secretariat, $"/api/forums/{forum.Id}/past-meetings", new { heldOn = "2024-03-14", title = "M" }, 415), 415, "multipart-required");
        ShouldBeProblem(await RecordPast(forum.Id, PastMeetingForm(day, "M", 1, 1, file: ("minutes.exe", [0x4D, 0x5A, 0x90, 0], "application/pdf")), 415), 415, "minutes-file-type");
        ShouldBeProblem(await RecordPast(forum.Id, PastMeetingForm(day, "M", 1, 1, file: ("minutes.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "application/pdf")), 415), 415, "minutes-file-type");
        var huge = new byte[20 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(huge);
        ShouldBeProblem(await RecordPast(forum.Id, PastMeetingForm(day, "M", 1, 1, file: ("minutes.pdf", huge, "application/pdf")), 413), 413, "minutes-file-too-large");
        ShouldBeProblem(await RecordPast(forum.Id, PastMeetingForm(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)), "M", 1, 1), 400), 400, "past-meeting-in-future", "heldOn");
        ShouldBeProblem(await RecordPast(forum.Id, PastMeetingForm(day, "", 1, 1), 400), 400, "field-required", "title");
        ShouldBeProblem(await RecordPast(forum.Id, PastMeetingForm(day, "M", 0, 0), 400), 400, "past-meeting-attendance");

        ShouldBeProblem(await RecordPast(forum.Id, PastMeetingForm(day, "M", 1, 1, other: -3), 400), 400, "attendance-range", "other");
        var badDate = new MultipartFormDataContent { { new StringContent("14/03/2024"), "heldOn" }, { new StringContent("M"), "title" }, { new StringContent("1"), "government" } };
        ShouldBeProblem(await RecordPast(forum.Id, badDate, 400), 400, "date-invalid", "heldOn");
        (await EventCount()).ShouldBe(before);

        await RecordPast(forum.Id, PastMeetingForm(day, "Founding meeting", 1, 1));
        ShouldBeProblem(await RecordPast(forum.Id, PastMeetingForm(day, "Founding Meeting", 3, 3), 409), 409, "past-meeting-recorded");
        (await EventCount()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_refusal_reads_in_the_callers_language_and_keeps_its_rule()
    {
        var forum = await ArrangeForum("Open Government Forum", Now.AddMonths(-2));
        var result = await Send(Secretariat, s =>
        {
            s.WithRequestHeader("Accept-Language", "uk");
            s.Post.MultipartFormData(PastMeetingForm(new DateOnly(2024, 3, 14), "M", 1, 1, file: ("minutes.exe", [0x4D, 0x5A], "application/pdf")))
                .ToUrl($"/api/forums/{forum.Id}/past-meetings");
        }, 415);
        var problem = await ReadJson(result);
        problem.GetProperty("rule").GetString().ShouldBe("minutes-file-type");
        problem.GetProperty("detail").GetString()!.ShouldStartWith("Файл протоколу має бути PDF");
    }

    [Fact]
    public async Task A_past_meeting_of_another_forum_is_not_found()
    {
        var mine = await ArrangeForum("Mine", Now.AddMonths(-2));
        var theirs = await ArrangeForum("Theirs", Now.AddMonths(-2));
        var created = await RecordPast(theirs.Id, Now.AddMonths(-1), "Their meeting", 2, 2);
        var id = created.GetProperty("pastMeetingId").GetGuid();
        ShouldBeProblem(await GetJson(null, $"/api/forums/{mine.Id}/past-meetings/{id}", 404), 404, "past-meeting-not-found");
        ShouldBeProblem(await GetJson(null, $"/api/forums/{mine.Id}/past-meetings/{id}/minutes", 404), 404, "past-meeting-minutes-not-found");
        await GetJson(null, $"/api/forums/{theirs.Id}/past-meetings/{id}");
    }
}
