using Forum.Host.Infrastructure;
using Forum.Host.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Forum.Host.Sessions.SubmittingPositions;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Forum.Host.Sessions;

public static class SessionsConfiguration
{
    public static void AddForumSessions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureMarten(opts =>
        {
            opts.Schema.For<PositionReceipt>().Index(x => x.SessionId);
        });
        services.AddSingleton<BoardBroadcaster>();
        services.AddSingleton<StateCache>();
        services.AddSingleton<GroupCommit>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommit>());
        services.ConfigureMarten((sp, opts) =>
        {
            opts.Listeners.Add(sp.GetRequiredService<BoardBroadcaster>());
            opts.Listeners.Add(sp.GetRequiredService<StateCache>());
        });

        services.ConfigureWolverine(opts =>
        {
            // ADR 0007: positions for one session go to one slot, in order, decided and appended as one batch. Since ADR 0030
            // the group commit decides positions itself, and only a burst comes this way (stored in the durable inbox).
            opts.MessagePartitioning.ByMessage<ISessionMessage>(m => m.SessionId.ToString())
                .PublishToPartitionedLocalMessaging("positions", 4, t =>
                {
                    t.Message<PositionSubmission>();
                    t.ConfigureQueues(q => q.UseDurableInbox());
                });
            opts.BatchMessagesOf<PositionSubmission>(b =>
            {
                b.BatchSize = 500;
                b.TriggerTime = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Live:BatchMilliseconds", 5));
            });
        });

        var signalR = services.AddSignalR(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment())
            .AddJsonProtocol(o => Web.Configure(o.PayloadSerializerOptions));
        if (builder.Configuration["Redis:Connection"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("forum:"));
            services.TryAddSingleton<SharedRedis>();
            services.AddSingleton<IPushClaims, RedisPushClaims>();
        }
        else services.AddSingleton<IPushClaims, LocalPushClaims>();
        services.AddSingleton<IUserIdProvider, AccountUserIdProvider>();
    }

    public static void MapForumSessions(this WebApplication app) => app.MapHub<SessionHub>(SessionHub.Path);
}
