using Forum.Host.Infrastructure;
using Microsoft.Extensions.Options;
using Forum.Domain.Minutes;
using Forum.Host.Minutes.Drafting;

namespace Forum.Host.Minutes;

/// <summary>Published when a session closes: draft its minutes from its record.</summary>
public sealed record DraftMinutes(Guid SessionId);

public static class DraftMinutesHandler
{
    public static async Task Handle(DraftMinutes message, IDocumentSession session, IDocumentStore store, TimeProvider clock, ILogger<DraftMinutes> logger,
        IOptions<ForumOptions> options)
    {
        var minutesId = MinutesDecider.IdFor(message.SessionId);
        var existing = await session.Events.AggregateStreamAsync<MinutesState>(minutesId);
        if (existing is not null) return; // redelivered: drafted already
        var state = await session.Events.FetchLatest<SessionState>(message.SessionId);
        if (state is null)
        {
            logger.LogWarning("No minutes drafted: there is no session {SessionId}", message.SessionId);
            return;
        }
        if (state.Status != SessionStatus.Closed)
        {
            logger.LogWarning("No minutes drafted: session {SessionId} is {Status}", message.SessionId, state.Status);
            return;
        }

        var events = await SessionHistory.Typed(session, message.SessionId);
        var version = events[^1].Version;
        var hash = await SessionHistory.Hash(store, message.SessionId, version);
        var forum = await session.Events.FetchLatest<ForumState>(state.ForumId);
        var adopted = await AdoptedCommitments.Of(session, message.SessionId, events);
        var record = SessionRecord.Build(forum, events, hash, adopted);
        var markdown = MinutesText.Markdown(record, state.Language, options.Value.PublicUrl);
        // The same record in English too, where the minutes are written in another language (docs/adr/0023).
        var translation = MinutesDecider.SecondLanguage(MinutesText.LanguageOf(state.Language)) is { } second
            ? new MinutesTextIn(second, MinutesText.Markdown(record, second, options.Value.PublicUrl)) : null;

        var verdict = MinutesDecider.Draft(existing, state, new DraftMinutesFromRecord(version, hash, markdown, translation), clock.GetUtcNow());
        if (verdict.Rejection is { } r)
        {
            logger.LogWarning("No minutes drafted for session {SessionId}: {Rule} {Detail}", message.SessionId, r.Rule, r.Detail);
            return;
        }
        if (verdict.Events.Count > 0) session.Events.StartStream<MinutesState>(minutesId, verdict.Events);
    }
}
