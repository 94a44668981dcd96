using System.Security.Cryptography;
using Forum.Domain.Minutes;
using Forum.Host.Minutes.Drafting;

namespace Forum.Host.Minutes.Publishing;

/// <summary>What publication stores: the signed PDF exactly as signed, the signature file, and the text in its other formats.</summary>
public sealed class PublishedMinutes
{
    public Guid Id { get; set; }
    public byte[] Pdf { get; set; } = [];
    public string SignatureJson { get; set; } = "";
    public string Markdown { get; set; } = "";
    public string Html { get; set; } = "";
}

public sealed record PublishedFiles(byte[] Pdf, string DocumentSha256, string Html, SignatureRecord Signature);

/// <summary>Renders the approved text to a signed PDF and signs the record that binds it to the session's events.</summary>
public sealed class MinutesPublisher(SigningKeys keys)
{
    public PublishedFiles Render(MinutesState m, ForumState? forum, DateTimeOffset now)
    {
        var cert = keys.Current;
        var keyId = SigningKeys.KeyIdOf(cert);
        var forumName = forum?.Name ?? "";
        var html = MinutesText.Html(m.Markdown, m.SessionTitle, m.Language);
        var meta = new PdfMeta(m.SessionTitle, forumName, $"Minutes {m.Id}", $"{forumName} · {m.SessionTitle} · {m.Id}", m.Language);
        var signer = new CmsPdfSigner(cert, now);
        var box = new SignatureBox(signer.CertificateName, now, keyId, "Signed: approved by both co-chairs");
        var pdf = MinutesPdf.Render(m.Markdown, meta, new PdfSignature(signer, box, "Minutes approved by both co-chairs", forum?.Country ?? ""));
        var documentSha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var record = SignatureRecord.Sign(cert, m.Id, m.SessionId, m.ForumId, m.SessionVersion, m.EventsSha256, documentSha, now);
        return new PublishedFiles(pdf, documentSha, html, record);
    }
}
