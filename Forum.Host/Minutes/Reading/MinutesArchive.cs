using Forum.Domain.Minutes;
using Forum.Host.Minutes.Reviewing;
using Forum.Projections.Forums;
using Forum.Projections.Minutes;

namespace Forum.Host.Minutes.Reading;

public static class MinutesArchiveEndpoint
{
    /// <summary>
    /// A forum's published minutes, newest first, each with its number in the forum's chain; and the chain's head, which a
    /// reader may keep to tell later that nothing was taken off the end (docs/adr/0015). Minutes in two languages list
    /// both documents, each with its own number and files (docs/adr/0023); the top-level fields are the first language's. Public, no sign-in.
    /// </summary>
    [WolverineGet("/api/forums/{forumId}/minutes"), Tags("Minutes")]
    public static async Task<IResult> Get(Guid forumId, IQuerySession session)
    {
        var roster = await session.LoadAsync<ForumRoster>(forumId);
        if (roster is null) return Problems.Of(ForumDecider.ForumNotFound(forumId));
        var published = await session.Query<MinutesView>()
            .Where(v => v.ForumId == forumId && v.Status == MinutesStatus.Published)
            .OrderByDescending(v => v.SessionStartsAt).ToListAsync();
        var archive = await session.Events.AggregateStreamAsync<MinutesArchive>(MinutesArchiveRules.IdFor(forumId));
        var numbers = (archive?.Entries ?? []).ToDictionary(e => (e.MinutesId, e.Language), e => e.Sequence);
        return Results.Ok(new
        {
            forumId, roster.Name, roster.Country,
            head = archive?.Head is { } h ? new { sequence = h.Sequence, minutesId = h.MinutesId, recordSha256 = h.RecordSha256 } : null,
            minutes = published.Select(v => new
            {
                minutesId = v.Id, v.SessionId, v.SessionTitle, v.SessionStartsAt, v.Language, v.PublishedAt, v.DocumentSha256, v.KeyId,
                sequence = numbers.TryGetValue((v.Id, v.Language), out var n) ? n : (long?)null,
                links = MinutesViews.Links(v.Id, v.Status),
                documents = MinutesViews.Documents(v, numbers),
            }),
            verify = $"/api/forums/{forumId}/minutes/verify",
        });
    }
}
