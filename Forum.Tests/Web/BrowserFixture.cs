using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Forum.Host.Identity;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using netDumbster.smtp;
using Wolverine;

namespace Forum.Tests.Web;

/// <summary>
/// The host on a real Kestrel port (browsers cannot reach a TestServer), its own schema, an in-process SMTP server, and one
/// headless Chromium (Debian's chromium-headless-shell, which ./test.sh installs; Playwright never downloads a browser).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program> _factory = null!;
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;
    public SimpleSmtpServer Smtp { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _factory.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Smtp = SimpleSmtpServer.Start(FreePort());
        JasperFxEnvironment.AutoStartHost = true;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("FORUM_DB", Support.AppFixture.ConnectionString);
            b.UseSetting("Forum:Schema", "t_web");
            b.UseSetting("Forum:DataDirectory", Directory.CreateTempSubdirectory("forum-web-").FullName);
            b.UseSetting("Forum:PublicUrl", "http://forum.test");
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", Smtp.Configuration.Port.ToString());
            b.UseSetting("Smtp:From", "Forum <forum@forum.test>");
            b.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        Directory.CreateDirectory(ScreenshotDirectory);
        // A page that is right shows it at once; the wait only bounds how long a wrong one is given on a busy machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/lib/chromium/chromium-headless-shell",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        Smtp.Stop();
    }

    public async Task ResetAsync()
    {
        await Support.DataReset.Run(Services);
        Smtp.ClearReceivedEmail();
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

[CollectionDefinition(Name)]
public class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>Base of browser tests: a clean store, the API for arranging, and a browser context per person.</summary>
public abstract class BrowserContext(BrowserFixture fixture) : IAsyncLifetime
{
    protected BrowserFixture Fixture { get; } = fixture;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.BaseUrl) };

    public Task InitializeAsync() => Fixture.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var c in _contexts) await c.DisposeAsync();
        _http.Dispose();
    }

    /// <summary>A new browser context (a person with their own cookies), English unless asked otherwise; a phone when asked.</summary>
    protected async Task<IPage> NewPage(string locale = "en-GB", bool phone = false)
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale, BaseURL = Fixture.BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone, HasTouch = phone,
        });
        context.SetDefaultTimeout(10_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Signs a person in the way a mailed link does (the link endpoint sets the cookie), landing on returnUrl.</summary>
    protected async Task<IPage> SignedIn(string email, string returnUrl, bool phone = false)
    {
        string secret;
        await using (var session = Fixture.Store.LightweightSession())
        {
            secret = session.IssueSignInLink(email, returnUrl, DateTimeOffset.UtcNow.AddMinutes(15));
            await session.SaveChangesAsync();
        }
        var page = await NewPage(phone: phone);
        await page.GotoAsync($"/auth/link/{secret}");
        await Assertions.Expect(page).ToHaveURLAsync(Fixture.BaseUrl + returnUrl);
        return page;
    }

    protected async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Fixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    protected async Task<string> TokenFor(string email, bool administrator = false)
    {
        await using var session = Fixture.Store.LightweightSession();
        var account = await session.FindOrCreate(email, DateTimeOffset.UtcNow, administrator);
        session.IssueToken(account, "test", DateTimeOffset.UtcNow, out var secret);
        await session.SaveChangesAsync();
        return secret;
    }

    protected async Task<JsonElement> Api(string token, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {url}: {(int)response.StatusCode} {text}");
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    protected Task<JsonElement> Post(string token, string url, object? body = null) => Api(token, HttpMethod.Post, url, body ?? new { });
}
