using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Forum.Domain.Common;
using Forum.Domain.Minutes;
using Forum.Host.Minutes.Drafting;

namespace Forum.Host.Minutes.Publishing;

/// <summary>
/// What publication stores for each document: the signed PDF exactly as signed, the signature file, and the text in its
/// other formats. The minutes' own language is stored under the minutes' id; a second text (docs/adr/0023) under an id
/// derived from it and its language.
/// </summary>
public sealed class PublishedMinutes
{
    public Guid Id { get; set; }
    public string? Language { get; set; }
    public byte[] Pdf { get; set; } = [];
    public string SignatureJson { get; set; } = "";
    public string Markdown { get; set; } = "";
    public string Html { get; set; } = "";

    /// <param name="firstLanguage">The minutes' own language (the session's), stored under the minutes' id.</param>
    public static Guid IdFor(Guid minutesId, string language, string firstLanguage) =>
        language == firstLanguage ? minutesId : NameBasedId.Of($"forum-minutes-document/{language}/", minutesId);

    public static Guid IdFor(MinutesState m, string language) => IdFor(m.Id, language, m.Language);
}

/// <summary>
/// Each session event's hash as published (32 bytes per version, 1..UpTo), kept apart from the events: the signature
/// record binds its SHA-256 (eventDigestsSha256), so verification can trust it to name the first event that changed.
/// </summary>
public sealed class SignedEventDigests
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public long UpTo { get; set; }
    public byte[] Digests { get; set; } = [];
}

/// <summary>
/// One document of a session's minutes: its text in one language. Signing and the archive chain work per document, so
/// minutes in two languages are two documents, each signed and chained (docs/adr/0015).
/// </summary>
public sealed record MinutesDocument(Guid MinutesId, Guid SessionId, Guid ForumId, string Title, string Language, string Markdown)
{
    public static MinutesDocument Of(MinutesState m) => All(m)[0];

    /// <summary>Every document of the minutes, the session's language first.</summary>
    public static IReadOnlyList<MinutesDocument> All(MinutesState m) =>
        [.. m.Languages.Select(l => new MinutesDocument(m.Id, m.SessionId, m.ForumId, m.SessionTitle, l, m.TextIn(l)!))];
}

/// <summary>A document laid out and sealed with its PAdES signature, before its signature record is made.</summary>
public sealed record RenderedMinutes(MinutesDocument Document, byte[] Pdf, string DocumentSha256, string Html, X509Certificate2 Certificate, DateTimeOffset SignedAt);

/// <summary>Renders the approved text to a signed PDF, and signs the record that binds it to the session's events and the chain.</summary>
public sealed class MinutesPublisher(SigningKeys keys, TimestampAuthority timestamps)
{
    public async Task<RenderedMinutes> RenderAsync(MinutesDocument d, ForumState? forum, DateTimeOffset now, CancellationToken ct = default)
    {
        var cert = keys.Current;
        var forumName = forum?.Name ?? "";
        var html = MinutesText.Html(d.Markdown, d.Title, d.Language);
        var meta = new PdfMeta(d.Title, forumName, $"Minutes {d.MinutesId}", $"{forumName} · {d.Title} · {d.MinutesId}", d.Language);
        var signer = new PadesSigner(cert, keys.CurrentChain, timestamps);
        var signing = new PdfSigning(signer, now, SigningKeys.KeyIdOf(cert), "Signed: approved by both co-chairs", "Minutes approved by both co-chairs", forum?.Country ?? "");
        var pdf = await MinutesPdf.RenderSignedAsync(d.Markdown, meta, signing, ct);
        return new RenderedMinutes(d, pdf, Convert.ToHexStringLower(SHA256.HashData(pdf)), html, cert, now);
    }

    /// <summary>The detached record of a rendered document, as number <paramref name="link"/> of its forum's chain.</summary>
    public static SignatureRecord Sign(RenderedMinutes r, long sessionVersion, EventsDigest events, ChainLink link) =>
        SignatureRecord.Sign(r.Certificate, r.Document.MinutesId, r.Document.SessionId, r.Document.ForumId, r.Document.Language, sessionVersion,
            events, r.DocumentSha256, link, r.SignedAt);
}
