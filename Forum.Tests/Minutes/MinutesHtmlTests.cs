using Forum.Host.Minutes.Drafting;
using Forum.Tests.Support;

namespace Forum.Tests.Minutes;

/// <summary>Only http, https and mailto links survive into the minutes' HTML, whether it is served or downloaded.</summary>
[Collection(ApiCollection.Name)]
public class MinutesHtmlTests(ApiFixture fixture) : MinutesContext(fixture)
{
    private const string Hostile = """
        # Minutes

        [the register](https://register.example.org/open) · [write to us](mailto:sec@forum.test) · [plain](http://forum.test/a)
        [click me](javascript:alert(document.cookie)) [vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
        ![pixel](javascript:alert(1)) <a href="javascript:alert(2)">raw</a> <img src=x onerror=alert(3)>
        """;

    /// <summary>Every address an element of the document points at (links, images).</summary>
    private static IEnumerable<string> Addresses(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, @"<[a-z]+[^>]*\s(?:href|src)\s*=\s*""([^""]*)""").Select(m => m.Groups[1].Value);

    [Fact]
    public void A_link_with_another_scheme_is_taken_out_and_http_https_and_mailto_links_stay()
    {
        var html = MinutesText.Html(Hostile, "Spring plenary", "en");
        html.ShouldContain("href=\"https://register.example.org/open\"");
        html.ShouldContain("href=\"mailto:sec@forum.test\"");
        html.ShouldContain("href=\"http://forum.test/a\"");
        Addresses(html).ShouldAllBe(a => a.StartsWith("https:") || a.StartsWith("http:") || a.StartsWith("mailto:"));
        Addresses(html).Count().ShouldBe(3);
        html.ShouldNotContain("<img src=x onerror");
        // Raw HTML is shown as text, never markup; a refused link keeps its words.
        html.ShouldContain("&lt;a href=");
        html.ShouldContain("click me");
    }

    [Fact]
    public async Task A_revision_with_a_javascript_link_is_served_as_a_draft_and_published_without_it()
    {
        await ArrangeForum();
        var sessionId = await ArrangeClosedSession();
        await Draft(sessionId);
        var id = MinutesOf(sessionId);
        await Send(Secretariat, s => s.Post.Json(new { markdown = Hostile }).ToUrl($"/api/minutes/{id}/revise"), 204);
        var draft = await GetText(Secretariat, $"/api/minutes/{id}.html");
        draft.ShouldContain("href=\"https://register.example.org/open\"");
        Addresses(draft).ShouldAllBe(a => !a.Contains("script:"));

        await Approve(id);
        await PostJson(Secretariat, $"/api/minutes/{id}/publish", new { }, 200);
        var published = await GetText(null, $"/api/minutes/{id}.html");
        published.ShouldContain("href=\"mailto:sec@forum.test\"");
        Addresses(published).ShouldAllBe(a => !a.Contains("script:"));
    }
}
