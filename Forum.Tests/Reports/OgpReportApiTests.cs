using System.Diagnostics;
using System.Text.Json;
using Forum.Tests.Forums.Public;
using Forum.Tests.Support;
using static Forum.Tests.Reports.OgpReportJson;

namespace Forum.Tests.Reports;

[Collection(ApiCollection.Name)]
public class OgpReportApiTests(ApiFixture fixture) : PublicRecordContext(fixture)
{
    /// <summary>Two past meetings recorded through the API, then sessions, <paramref name="months"/> apart, each session's minutes out in a week.</summary>
    private async Task<ArrangedForum> MeetingEvery(int months, string name, int count)
    {
        var start = Now.AddMonths(-months * (count - 1) - 1);
        var forum = await ArrangeForum(name, start);
        for (var i = 0; i < count; i++)
        {
            var held = start.AddMonths(i * months);
            if (i < 2) await RecordPast(forum.Id, held, $"Meeting {i + 1}", 4, 3, 1);
            else await ArrangeSession(forum, held, gov: 2, cso: 2, other: 1, published: held.AddDays(7));
        }
        return forum;
    }

    [Fact]
    public async Task A_forum_meeting_every_five_months_meets_MR_1_1_and_one_meeting_every_seven_does_not()
    {
        var five = await MeetingEvery(5, "Five-monthly forum", 5);
        var seven = await MeetingEvery(7, "Seven-monthly forum", 4);

        var passing = await GetJson(null, $"/api/forums/{five.Id}/ogp-report");
        var gaps = RowOf(passing, "mr-1.1-meetings");
        gaps.GetProperty("status").GetString().ShouldBe("Met");
        FigureOf(gaps, "meetingsHeld").ShouldBe(5);
        FigureOf(gaps, "longestGapDays").ShouldBeInRange(150, 155);
        // Founding (the first past meeting), five meetings, today.
        gaps.GetProperty("details").GetArrayLength().ShouldBe(6);
        passing.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("kind").GetString())
            .ShouldBe(["PastMeeting", "PastMeeting", "Session", "Session", "Session"]);

        var failing = await GetJson(null, $"/api/forums/{seven.Id}/ogp-report");
        var long_ = RowOf(failing, "mr-1.1-meetings");
        long_.GetProperty("status").GetString().ShouldBe("NotMet");
        FigureOf(long_, "longestGapDays").ShouldBeInRange(211, 216);
        long_.GetProperty("details").EnumerateArray().Count(d => d.GetProperty("met").ValueKind == JsonValueKind.False).ShouldBe(3);
        RowOf(failing, "mr-1.1-both-groups").GetProperty("status").GetString().ShouldBe("Met");
        RowOf(failing, "mr-1.1-rules").GetProperty("status").GetString().ShouldBe("Met");
    }

    [Fact]
    public async Task Parity_answers_and_minutes_are_the_real_figures_of_each_session_and_overall()
    {
        var forum = await ArrangeForum("Parity forum", Now.AddMonths(-8));
        await ArrangeSession(forum, Now.AddDays(-200), gov: 3, cso: 2, govSeconds: 120, csoSeconds: 60, reservations: 2, answered: 1,
            published: Now.AddDays(-190), title: "Spring plenary");
        await ArrangeSession(forum, Now.AddDays(-100), gov: 2, cso: 2, other: 1, govSeconds: 90, csoSeconds: 90, reservations: 1, answered: 1,
            published: Now.AddDays(-55), title: "Summer plenary");
        // Held, minutes not out after 40 days: its date counts, its figures stay private.
        await ArrangeSession(forum, Now.AddDays(-40), gov: 3, cso: 0, govSeconds: 600, title: "Autumn plenary");

        var report = await GetJson(null, $"/api/forums/{forum.Id}/ogp-report");
        var attendance = RowOf(report, "parity-attendance");
        FigureOf(attendance, "governmentShare").ShouldBe(0.5);
        FigureOf(attendance, "civilSocietyShare").ShouldBe(0.4);
        FigureOf(attendance, "otherShare").ShouldBe(0.1);
        attendance.GetProperty("details").EnumerateArray().Where(d => d.GetProperty("name").GetString() == "governmentShare")
            .Select(d => (d.GetProperty("subject").GetString(), d.GetProperty("value").GetDouble())).ShouldBe([("Spring plenary", 0.6), ("Summer plenary", 0.4)]);

        var speaking = RowOf(report, "parity-speaking");
        FigureOf(speaking, "governmentShare").ShouldBe(0.583);
        FigureOf(speaking, "total").ShouldBe(360);
        speaking.GetProperty("status").GetString().ShouldBe("NotMet");

        var answers = RowOf(report, "standard-4-objections");
        FigureOf(answers, "answeredShare").ShouldBe(0.667);
        answers.GetProperty("status").GetString().ShouldBe("NotMet");

        var minutes = RowOf(report, "minutes-timely");
        minutes.GetProperty("details").EnumerateArray().Select(d => (d.GetProperty("name").GetString(), Math.Round(d.GetProperty("value").GetDouble())))
            .ShouldBe([("daysToMinutes", 10), ("daysToMinutes", 45), ("daysWithoutMinutes", 40)]);
        minutes.GetProperty("status").GetString().ShouldBe("NotMet");

        var both = RowOf(report, "mr-1.1-both-groups");
        both.GetProperty("status").GetString().ShouldBe("Pending");
        var withheld = both.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("subject").GetString() == "Autumn plenary");
        withheld.GetProperty("name").GetString().ShouldBe("minutesNotYetPublished");
        withheld.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);

        // The evidence of a published session is its signed minutes, public.
        RowOf(report, "standard-4-objections").GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("href").GetString()!)
            .ShouldAllBe(h => h.StartsWith("/api/minutes/") && h.EndsWith(".pdf"));
    }

    [Fact]
    public async Task The_report_downloads_as_CSV_and_as_PDF()
    {
        var forum = await ArrangeForum("Форум відкритого уряду", Now.AddMonths(-14));
        await RecordPast(forum.Id, Now.AddMonths(-13), "=HYPERLINK(\"http://evil.test\")", 3, 3);
        await ArrangeSession(forum, Now.AddMonths(-6), gov: 2, cso: 2, govSeconds: 60, csoSeconds: 60, published: Now.AddMonths(-6).AddDays(3));
        await ArrangeSession(forum, Now.AddMonths(-1), gov: 2, cso: 1, published: Now.AddMonths(-1).AddDays(40));

        var csvResult = await Send(null, s => s.Get.Url($"/api/forums/{forum.Id}/ogp-report.csv"), 200);
        csvResult.Context.Response.ContentType.ShouldBe("text/csv; charset=utf-8");
        var lines = (await csvResult.ReadAsTextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("requirement,rowId,title,status,line,subject,date,figure,value,unit,met,evidence,summary");
        lines.ShouldContain(l => l.StartsWith("MR 1.1,mr-1.1-meetings,The forum meets at least every six months,NotMet,requirement,"));
        lines.ShouldContain(l => l.StartsWith("Parity,parity-speaking,") && l.Contains(",figure,,,governmentShare,0.5,share,"));
        lines.ShouldContain(l => l.Contains(",detail,") && l.Contains("http://forum.test/api/forums/"));
        // A title typed like a formula stays text in a spreadsheet.
        lines.ShouldNotContain(l => l.Contains(",=HYPERLINK") || l.Contains(",\"=HYPERLINK"));

        var pdf = await Send(null, s => s.Get.Url($"/api/forums/{forum.Id}/ogp-report.pdf"), 200);
        pdf.Context.Response.ContentType.ShouldBe("application/pdf");
        using var buffer = new MemoryStream();
        await pdf.Context.Response.Body.CopyToAsync(buffer);
        var path = Path.Combine(Fixture.DataDirectory, $"report-{forum.Id}.pdf");
        await File.WriteAllBytesAsync(path, buffer.ToArray());
        var text = await PdfText(path);
        text.ShouldContain("OGP standards report: Форум відкритого уряду");
        text.ShouldContain("MR 1.1: The forum meets at least every six months: not met");
        text.ShouldContain("Parity: Government's and civil society's shares of speaking time: met");
    }

    /// <summary>Two years of an action plan: its proposals, and sessions that review the adopted commitment, or not.</summary>
    private async Task<ArrangedForum> ImplementingForum(string name, bool progressInAutumn)
    {
        var forum = await ArrangeForum(name, Now.AddMonths(-26));
        var (plan, commitment) = await ArrangeActionPlan(forum, "NAP 2025–2027", Now.AddMonths(-23), proposals: 3, answered: 2);
        foreach (var months in new[] { -20, -15, -9 })
            await ArrangeSession(forum, Now.AddMonths(months), gov: 2, cso: 2, published: Now.AddMonths(months).AddDays(7), linked: (plan, commitment));
        // Nothing on its agenda about the commitment, but its progress was reported while the forum sat.
        var autumn = Now.AddMonths(-3);
        await ArrangeSession(forum, autumn, gov: 2, cso: 2, published: autumn.AddDays(7), title: "Autumn plenary");
        if (progressInAutumn) await ReportProgress(plan, commitment, autumn.AddMinutes(3));
        // Linked, but its minutes are not out: its agenda is not yet public.
        await ArrangeSession(forum, Now.AddMonths(-1), gov: 2, cso: 2, linked: (plan, commitment));
        return forum;
    }

    [Fact]
    public async Task Standard_4_counts_proposals_answered_and_MR_5_1_the_meetings_that_reviewed_implementation_in_each_year()
    {
        var reviewing = await ImplementingForum("Reviewing forum", progressInAutumn: true);
        var lapsed = await ImplementingForum("Lapsed forum", progressInAutumn: false);

        var report = await GetJson(null, $"/api/forums/{reviewing.Id}/ogp-report");
        var proposals = RowOf(report, "standard-4-proposals");
        proposals.GetProperty("status").GetString().ShouldBe("NotMet");
        FigureOf(proposals, "received").ShouldBe(3);
        FigureOf(proposals, "answered").ShouldBe(2);
        FigureOf(proposals, "answeredShare").ShouldBe(0.667);
        proposals.GetProperty("evidence")[0].GetProperty("href").GetString().ShouldEndWith("/proposals");

        var implementation = RowOf(report, "mr-5.1");
        implementation.GetProperty("status").GetString().ShouldBe("Met");
        FigureOf(implementation, "implementationMeetings").ShouldBe(4);
        FigureOf(implementation, "meetingsAwaitingMinutes").ShouldBe(1);
        // From the adoption 22 months ago: the last 12 months (two meetings), then the 10 months before (two; one required).
        implementation.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("value").GetDouble()).ShouldBe([2, 2]);

        var short_ = RowOf(await GetJson(null, $"/api/forums/{lapsed.Id}/ogp-report"), "mr-5.1");
        short_.GetProperty("status").GetString().ShouldBe("NotMet");
        FigureOf(short_, "implementationMeetings").ShouldBe(3);
        short_.GetProperty("details")[0].GetProperty("met").GetBoolean().ShouldBeFalse();

        // The public page lists the plan with its proposals' answers.
        var page = await GetJson(null, $"/api/forums/{reviewing.Id}/public");
        var listed = page.GetProperty("actionPlans").EnumerateArray().Single();
        listed.GetProperty("title").GetString().ShouldBe("NAP 2025–2027");
        listed.GetProperty("proposals").GetProperty("received").GetInt32().ShouldBe(3);
        listed.GetProperty("proposals").GetProperty("answered").GetInt32().ShouldBe(2);
        listed.GetProperty("status").GetString().ShouldBe("Adopted");
    }

    [Fact]
    public async Task The_demo_forum_has_meetings_for_the_report_and_a_closed_session_to_replay()
    {
        var (forumId, _) = await Forum.Host.Demo.SeedDemoCommand.Seed(Store, Now);
        var report = await GetJson(null, $"/api/forums/{forumId}/ogp-report");
        report.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("kind").GetString()).ShouldBe(["PastMeeting", "PastMeeting", "Session", "Session"]); // the winter plenary, then the co-creation plenary
        RowOf(report, "mr-1.1-rules").GetProperty("status").GetString().ShouldBe("Met");
        var page = await GetJson(null, $"/api/forums/{forumId}/public");
        page.GetProperty("pastMeetings").GetArrayLength().ShouldBe(2);
        page.GetProperty("sessions").GetProperty("past").EnumerateArray().Select(x => x.GetProperty("status").GetString()).ShouldAllBe(x => x == "Closed");
        page.GetProperty("sessions").GetProperty("past").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Unknown_forums_answer_404_and_malformed_ids_400()
    {
        var unknown = Guid.CreateVersion7();
        foreach (var suffix in new[] { "", ".csv", ".pdf" })
            ShouldBeProblem(await GetJson(null, $"/api/forums/{unknown}/ogp-report{suffix}", 404), 404, "forum-not-found");
        ShouldBeProblem(await GetJson(null, "/api/forums/not-a-forum/ogp-report", 400), 400, "id-malformed", "forumId");
    }

    private static async Task<string> PdfText(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Replace("\n", " ");
    }
}
