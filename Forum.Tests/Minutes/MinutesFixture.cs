using Forum.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Forum.Tests.Minutes;

/// <summary>
/// The minutes' own host, configured with a time-stamping authority (<see cref="TestTimestampAuthority"/>, started before
/// the host so its address is known to the configuration): every minutes published here is signed PAdES B-T.
/// </summary>
public sealed class MinutesFixture : AppFixture, IAsyncLifetime
{
    public TestTimestampAuthority Tsa { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Tsa = await TestTimestampAuthority.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Tsa.DisposeAsync();
    }

    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Signing:TimestampUrl", Tsa.Url.ToString());
}

[CollectionDefinition(Name)]
public class MinutesCollection : ICollectionFixture<MinutesFixture>
{
    public const string Name = "minutes";
}
