using System.Text.Json;
using Forum.Domain.Minutes;
using Forum.Tests.Sessions;
using Forum.Tests.Support;
using static Forum.Tests.Reports.OgpReportJson;

namespace Forum.Tests.Reports;

/// <summary>A session run through the live API, closed, its minutes approved and published: what the public page and the report then show.</summary>
[Collection(ApiCollection.Name)]
public class OgpReportLiveTests(ApiFixture fixture) : SessionContext(fixture)
{
    [Fact]
    public async Task A_session_held_through_Forum_counts_everyone_who_came_once_its_minutes_are_published()
    {
        var w = await World(open: true);
        // Someone who leaves still attended; checking in again does not count twice.
        await PostJson(w.Cso.Token, w.Url("/leave"), new { }, 200);
        await PostJson(w.Cso.Token, w.Url("/check-in"), new { presence = "Online" }, 200);
        await PostJson(w.Observer.Token, w.Url("/leave"), new { }, 200);
        await PostJson(w.GovChair.Token, w.Url("/floor"), new { memberId = w.Gov.MemberId }, 200);
        await PostJson(w.GovChair.Token, w.Url("/floor"), new { }, 200);
        await Position(w, w.Cso.Token, "Object", "Too slow");
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/decision"), new
        {
            outcome = "NoConsensus", text = "Back to the working group.",
            responses = new[] { new { memberId = w.Cso.MemberId, response = "The working group takes up the timing." } },
        }, 200);
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/close"), new { }, 200);

        var before = await GetJson(null, $"/api/forums/{w.ForumId}/ogp-report");
        RowOf(before, "parity-attendance").GetProperty("status").GetString().ShouldBe("Pending");

        await Tracked(() => PostJson(w.CsoChair.Token, w.Url("/close"), new { }, 200));
        var minutesId = MinutesDecider.IdFor(w.SessionId);
        await Send(w.GovChair.Token, s => s.Post.Url($"/api/minutes/{minutesId}/approve"), 204);
        await Send(w.CsoChair.Token, s => s.Post.Url($"/api/minutes/{minutesId}/approve"), 204);
        await PostJson(w.Secretariat, $"/api/minutes/{minutesId}/publish", new { }, 200);

        var report = await GetJson(null, $"/api/forums/{w.ForumId}/ogp-report");
        var attendance = RowOf(report, "parity-attendance");
        // Government: the co-chair and Ani; civil society: the co-chair and Ion; other: the academic and the press.
        FigureOf(attendance, "total").ShouldBe(6);
        FigureOf(attendance, "governmentShare").ShouldBe(0.333);
        FigureOf(attendance, "civilSocietyShare").ShouldBe(0.333);
        attendance.GetProperty("status").GetString().ShouldBe("Met");
        FigureOf(RowOf(report, "parity-speaking"), "governmentShare").ShouldBe(1);
        FigureOf(RowOf(report, "standard-4-objections"), "answeredShare").ShouldBe(1);
        RowOf(report, "mr-1.1-both-groups").GetProperty("status").GetString().ShouldBe("Met");
        var evidence = RowOf(report, "standard-4-objections").GetProperty("evidence")[0].GetProperty("href").GetString()!;
        (await Send(null, s => s.Get.Url(evidence), 200)).Context.Response.ContentType.ShouldBe("application/pdf");

        var page = await GetJson(null, $"/api/forums/{w.ForumId}/public");
        var past = page.GetProperty("sessions").GetProperty("past").EnumerateArray().Single();
        past.GetProperty("status").GetString().ShouldBe("Closed");
        past.GetProperty("minutes").GetProperty("minutesId").GetGuid().ShouldBe(minutesId);
        page.GetProperty("minutes").GetArrayLength().ShouldBe(1);
    }
}
