using Forum.Host.Minutes.Publishing;

namespace Forum.Host.Minutes;

public static class MinutesConfiguration
{
    /// <summary>Minutes: the signing keys, the publisher and the stored signed documents. Endpoints and the drafting handler are discovered.</summary>
    public static void AddForumMinutes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new SigningKeys(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<MinutesPublisher>();
        builder.Services.ConfigureMarten(opts => opts.Schema.For<PublishedMinutes>());
    }
}
