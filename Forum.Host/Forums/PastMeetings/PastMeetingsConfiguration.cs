using Marten;

namespace Forum.Host.Forums.PastMeetings;

public static class PastMeetingsConfiguration
{
    /// <summary>The stored minutes files of past meetings; the endpoints are discovered.</summary>
    public static void AddForumPastMeetings(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureMarten(opts => opts.Schema.For<PastMeetingMinutesFile>());
}
