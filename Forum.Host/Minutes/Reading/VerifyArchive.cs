using Forum.Domain.Minutes;
using Forum.Host.Minutes.Publishing;
using Forum.Projections.Minutes;

namespace Forum.Host.Minutes.Reading;

public static class VerifyArchiveEndpoint
{
    /// <summary>
    /// The forum's whole archive: the chain of its signed minutes walked from the first to the last (a minutes removed,
    /// replaced or re-ordered is named), and each minutes' own checks beside it. Public, like the archive.
    /// </summary>
    [WolverineGet("/api/forums/{forumId}/minutes/verify"), Tags("Minutes")]
    public static async Task<IResult> Get(Guid forumId, [ReadAggregate("forumId", Required = false)] ForumState forum, IQuerySession session,
        IDocumentStore store, SigningKeys keys, CancellationToken ct)
    {
        if (forum is null) return Problems.Of(ForumDecider.ForumNotFound(forumId));
        var result = await ArchiveVerification.Walk(session, store, keys, forumId, ct);
        return Results.Ok(new
        {
            forumId, intact = result.Intact,
            chain = new
            {
                intact = result.Chain.Intact, length = result.Chain.Length,
                head = result.Chain.Head is { } h ? new { sequence = h.Sequence, minutesId = h.MinutesId, recordSha256 = h.RecordSha256 } : null,
                problems = result.Chain.Findings.Select(f => new
                {
                    fault = f.Fault.ToString(), f.MinutesId, sessionTitle = result.TitleOf(f.MinutesId), f.Sequence, f.Detail,
                }),
                unchained = result.Chain.Unchained,
            },
            minutes = result.Minutes.Select(m => VerificationAnswer.Of(m.MinutesId, m.Report, m.SessionTitle)),
            problems = result.Problems,
        });
    }
}

/// <summary>One published minutes of the archive, verified on its own.</summary>
public sealed record ArchivedMinutes(Guid MinutesId, string Language, string? SessionTitle, VerificationReport Report);

/// <summary>
/// A forum's archive as the store holds it now, walked (docs/adr/0015): the archive's entries, the minutes listed as
/// published, and the signed records of both, one document at a time (the PDFs are large).
/// </summary>
public sealed record ArchiveVerification(ChainReport Chain, IReadOnlyList<ArchivedMinutes> Minutes, IReadOnlyDictionary<Guid, string> Titles)
{
    public bool Intact => Chain.Intact && Minutes.All(m => m.Report.Valid);

    public string? TitleOf(Guid minutesId) => Titles.GetValueOrDefault(minutesId);

    /// <summary>Every problem in one list, each prefixed by what it is about: "chain:", or the minutes' title and part.</summary>
    public IReadOnlyList<string> Problems =>
    [
        .. Chain.Findings.Select(f => $"chain: {f.Fault.ToString().ToLowerInvariant()}: {(TitleOf(f.MinutesId) is { } t ? $"'{t}', " : "")}{f.Detail}"),
        .. Minutes.SelectMany(m => m.Report.Problems.Select(p => $"'{m.SessionTitle ?? m.MinutesId.ToString()}' ({m.Language}) {p}")),
    ];

    public static async Task<ArchiveVerification> Walk(IQuerySession session, IDocumentStore store, SigningKeys keys, Guid forumId, CancellationToken ct = default)
    {
        var archive = await session.Events.AggregateStreamAsync<MinutesArchive>(MinutesArchiveRules.IdFor(forumId), token: ct);
        var entries = archive?.Entries ?? [];
        var listed = await session.Query<MinutesView>().Where(v => v.ForumId == forumId && v.Status == MinutesStatus.Published).ToListAsync(ct);
        var titles = listed.ToDictionary(v => v.Id, v => v.SessionTitle);
        var links = new List<SignedLink>();
        var minutes = new List<ArchivedMinutes>();
        // Each document on its own: a minutes in two languages is two (docs/adr/0023).
        var firstLanguage = listed.ToDictionary(v => v.Id, v => v.Language);
        var documents = entries.Select(e => (e.MinutesId, e.Language)).Concat(listed.SelectMany(v => v.Languages.Select(l => (v.Id, l)))).Distinct();
        var states = new Dictionary<Guid, MinutesState?>();
        foreach (var (id, language) in documents)
        {
            if (!states.TryGetValue(id, out var state)) states[id] = state = await session.Events.AggregateStreamAsync<MinutesState>(id, token: ct);
            var first = state?.Language ?? firstLanguage.GetValueOrDefault(id) ?? language;
            var stored = await session.LoadAsync<PublishedMinutes>(PublishedMinutes.IdFor(id, language, first), ct);
            if (stored is null) continue; // the walk names it
            var report = state is not null
                ? await MinutesVerification.Stored(session, store, keys, state, stored, ct)
                : MinutesVerification.Verify(stored.Pdf, stored.SignatureJson, keys.Find,
                    SignatureRecord.Parse(stored.SignatureJson) is { } r ? await EventsCheck.Of(session, store, r, ct) : null);
            if (report.Record is { } record) links.Add(record.Link(report.RecordAuthentic));
            minutes.Add(new ArchivedMinutes(id, language, titles.GetValueOrDefault(id) ?? state?.SessionTitle, report));
        }
        var chain = ArchiveChain.Walk(entries, links, listed.SelectMany(v => v.Languages.Select(l => (v.Id, l))).ToList());
        var ordered = minutes.OrderBy(m => m.Report.Record?.Sequence ?? long.MaxValue).ToList();
        return new ArchiveVerification(chain, ordered, titles);
    }
}
