using Forum.Tests.Sessions;
using Forum.Tests.Support;

namespace Forum.Tests.Infrastructure;

/// <summary>Whatever a caller sends, the answer is a 4xx with problem details naming a rule — never a 500.</summary>
[Collection(ApiCollection.Name)]
public class OddInputTests(ApiFixture fixture) : SessionContext(fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"title\": {\"nested\": true}}")]
    [InlineData("{\"stance\": null, \"statement\": 12}")]
    public async Task Odd_bodies_get_problem_details_not_a_500(string body)
    {
        var w = await World(open: true);
        string[] urls =
        [
            "/api/forums", $"/api/forums/{w.ForumId}/members", $"/api/forums/{w.ForumId}/sessions", w.Url("/agenda"),
            w.Url("/check-in"), w.Item(w.DecisionItem, "/positions"), w.Item(w.DecisionItem, "/decision"), w.Url("/hands"),
            w.Item(w.DecisionItem, "/proposal"), w.Url("/invitations"), "/api/auth/magic-link", "/api/me/tokens",
        ];
        foreach (var url in urls)
        {
            var result = await Host.Scenario(s =>
            {
                s.WithRequestHeader("Authorization", "Bearer " + w.Secretariat);
                s.Post.Text(body).ContentType("application/json").ToUrl(url);
                s.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            status.ShouldBeInRange(400, 499, $"{url} with body '{body}' answered {status}");
            var problem = await ReadJson(result);
            problem.GetProperty("rule").GetString().ShouldNotBeNullOrEmpty($"{url} with body '{body}'");
        }
    }

    [Theory]
    [InlineData("?version=abc")]
    [InlineData("?at=yesterday")]
    [InlineData("?version=-5")]
    [InlineData("?version=99999999999999999999999")]
    public async Task Odd_query_strings_get_problem_details_or_are_ignored_never_a_500(string query)
    {
        var w = await World();
        var result = await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", "Bearer " + w.Gov.Token);
            s.Get.Url(w.Url(query));
            s.IgnoreStatusCode();
        });
        result.Context.Response.StatusCode.ShouldBeOneOf(200, 400);
        if (result.Context.Response.StatusCode == 400) (await ReadJson(result)).GetProperty("rule").GetString().ShouldNotBeNullOrEmpty();
    }
}
