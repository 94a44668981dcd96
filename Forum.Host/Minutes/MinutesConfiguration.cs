using Forum.Host.Live;
using Forum.Host.Minutes.Publishing;

namespace Forum.Host.Minutes;

public static class MinutesConfiguration
{
    /// <summary>
    /// Minutes: the signing keys, the time-stamping authority (when Signing:TimestampUrl is set), the publisher and the
    /// stored signed documents. Endpoints, the drafting handler and the operator verbs are discovered.
    /// </summary>
    public static void AddForumMinutes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new SigningKeys(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddHttpClient(TimestampAuthority.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        builder.Services.AddSingleton<TimestampAuthority>();
        builder.Services.AddSingleton<MinutesPublisher>();
        builder.Services.AddSingleton<MinutesBroadcaster>();
        builder.Services.ConfigureMarten((sp, opts) =>
        {
            opts.Schema.For<PublishedMinutes>();
            opts.Schema.For<SignedEventDigests>();
            opts.Listeners.Add(sp.GetRequiredService<MinutesBroadcaster>());
        });
    }
}
