using System.Net;
using System.Text.Json;
using Alba;
using Forum.Host.Identity;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Forum.Tests.Support;

/// <summary>Base of integration tests: data reset before each, helpers to act as a signed-in person.</summary>
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected AppFixture Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;
    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public virtual Task InitializeAsync() => Fixture.ResetAsync();
    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An account with a personal API token, arranged directly in the store.</summary>
    protected async Task<string> TokenFor(string email, bool administrator = false)
    {
        await using var session = Store.LightweightSession();
        var account = await session.FindOrCreate(email, DateTimeOffset.UtcNow, administrator);
        session.IssueToken(account, "test", DateTimeOffset.UtcNow, out var secret);
        await session.SaveChangesAsync();
        return secret;
    }

    protected Task<string> AdminToken() => TokenFor("admin@forum.test", administrator: true);

    protected Task<IScenarioResult> Send(string? token, Action<Scenario> configure, int status) =>
        Host.Scenario(s =>
        {
            if (token is not null) s.WithRequestHeader("Authorization", "Bearer " + token);
            configure(s);
            s.StatusCodeShouldBe(status);
        });

    protected async Task<JsonElement> PostJson(string? token, string url, object body, int status = 201)
    {
        var result = await Send(token, s => s.Post.Json(body).ToUrl(url), status);
        return await ReadJson(result);
    }

    protected async Task<JsonElement> GetJson(string? token, string url, int status = 200)
    {
        var result = await Send(token, s => s.Get.Url(url), status);
        return await ReadJson(result);
    }

    protected static async Task<JsonElement> ReadJson(IScenarioResult result)
    {
        var text = await result.ReadAsTextAsync();
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem-details body naming the rule (and the field, for 400).</summary>
    protected static void ShouldBeProblem(JsonElement problem, int status, string rule, string? field = null)
    {
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("rule").GetString().ShouldBe(rule);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        if (field is not null) problem.GetProperty("field").GetString().ShouldBe(field);
    }

    protected async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    /// <summary>Runs an HTTP call and waits for every message it cascades (mail, workflows) to finish.</summary>
    protected async Task<ITrackedSession> Tracked(Func<Task> call) =>
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(20)).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => call()));

    protected static string CookieFrom(IScenarioResult result) =>
        result.Context.Response.Headers.SetCookie.ToString().Split(';')[0];

    protected static HttpStatusCode Status(IScenarioResult r) => (HttpStatusCode)r.Context.Response.StatusCode;
}
