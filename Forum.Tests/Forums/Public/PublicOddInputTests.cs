using System.Text;
using Alba;
using Forum.Tests.Support;

namespace Forum.Tests.Forums.Public;

/// <summary>The public routes, the past-meeting upload and the replay: whatever is sent, a 4xx naming a rule, or an answer — never a 500.</summary>
[Collection(ApiCollection.Name)]
public class PublicOddInputTests(ApiFixture fixture) : PublicRecordContext(fixture)
{
    private async Task<IScenarioResult> Call(Action<Scenario> configure, string? token = null) =>
        await Host.Scenario(s =>
        {
            if (token is not null) s.WithRequestHeader("Authorization", "Bearer " + token);
            configure(s);
            s.IgnoreStatusCode();
        });

    private static async Task ShouldBeAnsweredOrRefused(IScenarioResult result, string what)
    {
        var status = result.Context.Response.StatusCode;
        status.ShouldBeLessThan(500, $"{what} answered {status}");
        if (status >= 400) (await ReadJson(result)).GetProperty("rule").GetString().ShouldNotBeNullOrEmpty(what);
    }

    [Theory]
    [InlineData("/moments?after=abc")]
    [InlineData("/moments?limit=99999999999999999999")]
    [InlineData("/moments?after=99999999999999999999&limit=-1")]
    [InlineData("/timeline?version=x")]
    public async Task Odd_replay_queries_never_answer_500(string query)
    {
        var forum = await ArrangeForum("Forum", Now.AddMonths(-1));
        var session = await ArrangeSession(forum, Now.AddDays(-3), gov: 1, cso: 1);
        var member = await TokenFor(forum.Emails[0]);
        await ShouldBeAnsweredOrRefused(await Call(s => s.Get.Url($"/api/sessions/{session}{query}"), member), query);
    }

    [Fact]
    public async Task Odd_uploads_never_answer_500()
    {
        var forum = await ArrangeForum("Forum", Now.AddMonths(-1));
        var url = $"/api/forums/{forum.Id}/past-meetings";
        var broken = await Call(s => s.Post.Text("--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nno end").ContentType("multipart/form-data; boundary=x").ToUrl(url), Secretariat);
        await ShouldBeAnsweredOrRefused(broken, "a multipart body with no end");
        var noBoundary = await Call(s => s.Post.Text("title=x").ContentType("multipart/form-data").ToUrl(url), Secretariat);
        await ShouldBeAnsweredOrRefused(noBoundary, "multipart without a boundary");
        var urlEncoded = await Call(s => s.Post.Text("heldOn=2024-01-01&title=x&government=1").ContentType("application/x-www-form-urlencoded").ToUrl(url), Secretariat);
        await ShouldBeAnsweredOrRefused(urlEncoded, "a urlencoded form");
        var longTitle = await Call(s => s.Post.MultipartFormData(PastMeetingForm(new DateOnly(2024, 1, 1), new string('x', 5000), 1, 1)).ToUrl(url), Secretariat);
        longTitle.Context.Response.StatusCode.ShouldBe(400);
        var odd = await Call(s => s.Post.MultipartFormData(new MultipartFormDataContent
        {
            { new StringContent("2024-01-01"), "heldOn" }, { new StringContent("a\u0000b"), "title" }, { new StringContent("１"), "government" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-")), "minutes", "..\\..\\etc\\passwd.pdf" },
        }).ToUrl(url), Secretariat);
        await ShouldBeAnsweredOrRefused(odd, "control characters, a full-width digit and a path as a file name");
        var nul = await Call(s => s.Post.MultipartFormData(new MultipartFormDataContent
        {
            { new StringContent("2024-01-01"), "heldOn" }, { new StringContent("a\u0000b"), "title" }, { new StringContent("1"), "government" },
        }).ToUrl(url), Secretariat);
        nul.Context.Response.StatusCode.ShouldBe(400);
        (await ReadJson(nul)).GetProperty("rule").GetString().ShouldBe("control-character");
        var path = await ReadJson(await Call(s => s.Post.MultipartFormData(new MultipartFormDataContent
        {
            { new StringContent("2024-01-01"), "heldOn" }, { new StringContent("Founding"), "title" }, { new StringContent("1"), "government" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4")), "minutes", "..\\..\\etc\\minutes.pdf" },
        }).ToUrl(url), Secretariat));
        path.GetProperty("minutes").GetProperty("fileName").GetString().ShouldBe("minutes.pdf");
    }

    [Theory]
    [InlineData("/api/forums/public?x=1")]
    [InlineData("/api/forums/00000000-0000-0000-0000-000000000000/public")]
    [InlineData("/api/forums/00000000-0000-0000-0000-000000000000/ogp-report.pdf")]
    [InlineData("/api/forums/..%2F..%2Fetc/ogp-report")]
    [InlineData("/api/forums/00000000-0000-0000-0000-000000000000/past-meetings/zzz/minutes")]
    public async Task Odd_public_addresses_never_answer_500(string url) =>
        await ShouldBeAnsweredOrRefused(await Call(s => s.Get.Url(url)), url);
}
