using System.Text.RegularExpressions;
using Forum.Tests.Sessions;
using Forum.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Infrastructure;

/// <summary>E-mail addresses are for the secretariat: whatever an observer or an invited guest reads, it holds none but their own.</summary>
[Collection(ApiCollection.Name)]
public partial class AddressPrivacyTests(ApiFixture fixture) : SessionContext(fixture)
{
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Address();

    [Fact]
    public async Task Observers_and_guests_read_every_route_and_see_no_address_but_their_own()
    {
        var w = await World();
        await PostJson(w.Secretariat, w.Url("/invitations"), new { all = true, guests = new[] { new { name = "Guest Expert", email = "guest@uni.test" } } });
        await PostJson(w.GovChair.Token, w.Url("/open"), new { }, 200);
        foreach (var (p, presence) in new[] { (w.Gov, "InRoom"), (w.Cso, "Online"), (w.Observer, "Online") })
            await PostJson(p.Token, w.Url("/check-in"), new { presence }, 200);
        await PostJson(w.CsoChair.Token, w.Item(w.DecisionItem, "/open"), new { }, 200);
        await Position(w, w.Gov.Token, "Block", "Not without a budget line.");
        await PostJson(w.Gov.Token, w.Url("/hands"), new { raised = true }, 200);
        var guest = await TokenFor("guest@uni.test");

        var ids = new Dictionary<string, string>
        {
            ["forumId"] = w.ForumId.ToString(), ["sessionId"] = w.SessionId.ToString(), ["itemId"] = w.DecisionItem.ToString(), ["memberId"] = w.Gov.MemberId.ToString(),
        };
        var reads = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api") && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => Regex.Replace(e.RoutePattern.RawText!, @"\{([A-Za-z]+)(:[^}]*)?\}", m => ids.GetValueOrDefault(m.Groups[1].Value, Guid.NewGuid().ToString())))
            .Distinct().ToList();
        var seen = 0;
        foreach (var (token, own) in new[] { (w.Observer.Token, w.Observer.Email), (guest, "guest@uni.test") })
            foreach (var url in reads)
            {
                var result = await Host.Scenario(s => { s.WithRequestHeader("Authorization", "Bearer " + token); s.Get.Url(url); s.IgnoreStatusCode(); });
                var text = await result.ReadAsTextAsync();
                if (result.Context.Response.StatusCode == 200) seen++;
                Address().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(a => a != own).ShouldBeEmpty($"{url} as {own}");
            }
        seen.ShouldBeGreaterThan(4);
    }
}
