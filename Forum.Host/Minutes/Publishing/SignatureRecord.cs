using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forum.Domain.Minutes;

namespace Forum.Host.Minutes.Publishing;

/// <summary>
/// The detached signature file (.sig.json, docs/adr/0005 and 0013): it binds the PDF's SHA-256 to the SHA-256 of the
/// session's events up to the version covered (and to the list of each event's hash, which names a changed event), and to
/// the forum's previous signed minutes: its number in the forum's chain, and the previous document and record hashes. The
/// signature is over the canonical JSON (ADR 0006's form: keys sorted, no whitespace, UTF-8) of every field but "signature"
/// and "certificate", absent fields left out; ES256 (ECDSA P-256, IEEE P1363 r||s) or RS256 (RSA PKCS#1 v1.5) with
/// SHA-256, by the certificate's key type. Format 1 (before the chain) has none of the chain fields, and still verifies.
/// </summary>
public sealed record SignatureRecord(
    string Format,
    Guid MinutesId,
    Guid SessionId,
    Guid ForumId,
    string? Language,
    long SessionVersion,
    string EventsSha256,
    string? EventDigestsSha256,
    string DocumentSha256,
    long? Sequence,
    Guid? PreviousMinutesId,
    string? PreviousDocumentSha256,
    string? PreviousRecordSha256,
    string KeyId,
    string Algorithm,
    DateTimeOffset SignedAt,
    string Signature,
    string Certificate)
{
    public const string FormatName = "forum-minutes-signature/2";
    public const string FormatWithoutChain = "forum-minutes-signature/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static bool Known(string? format) => format is FormatName or FormatWithoutChain;

    public static SignatureRecord Sign(X509Certificate2 cert, Guid minutesId, Guid sessionId, Guid forumId, string language, long sessionVersion,
        EventsDigest events, string documentSha256, ChainLink link, DateTimeOffset signedAt)
    {
        var algorithm = cert.GetECDsaPublicKey() is not null ? "ES256" : "RS256";
        var unsigned = new SignatureRecord(FormatName, minutesId, sessionId, forumId, language, sessionVersion, events.Sha256, events.ListSha256,
            documentSha256, link.Sequence, link.PreviousMinutesId, link.PreviousDocumentSha256, link.PreviousRecordSha256,
            SigningKeys.KeyIdOf(cert), algorithm, new DateTimeOffset(signedAt.UtcDateTime.Ticks - signedAt.UtcDateTime.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero), "", "");
        var payload = unsigned.SignedBytes();
        byte[] signature;
        using (var ec = cert.GetECDsaPrivateKey())
        using (var rsa = cert.GetRSAPrivateKey())
        {
            signature = ec is not null
                ? ec.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                : rsa?.SignData(payload, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                  ?? throw new InvalidOperationException("The signing certificate holds neither an ECDSA nor an RSA private key.");
        }
        return unsigned with { Signature = Convert.ToBase64String(signature), Certificate = SigningKeys.Pem(cert) };
    }

    /// <summary>What the next record in the chain names as its predecessor: the SHA-256 of these signed bytes.</summary>
    public string RecordSha256() => Convert.ToHexStringLower(SHA256.HashData(SignedBytes()));

    /// <summary>As the chain walk sees it (<see cref="ArchiveChain"/>).</summary>
    public SignedLink Link(bool authentic) =>
        new(MinutesId, Language ?? "", Format == FormatName ? Sequence : null, RecordSha256(), PreviousMinutesId, PreviousRecordSha256, authentic);

    /// <summary>The bytes the signature is over.</summary>
    public byte[] SignedBytes()
    {
        var node = JsonSerializer.SerializeToNode(this, Json)!.AsObject();
        node.Remove("signature");
        node.Remove("certificate");
        return Encoding.UTF8.GetBytes(EventHash.CanonicalJson(node.ToJsonString()));
    }

    public bool VerifyWith(X509Certificate2 cert)
    {
        byte[] signature;
        try { signature = Convert.FromBase64String(Signature); }
        catch (FormatException) { return false; }
        var payload = SignedBytes();
        using var ec = cert.GetECDsaPublicKey();
        if (ec is not null)
            return Algorithm == "ES256" && ec.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        using var rsa = cert.GetRSAPublicKey();
        return rsa is not null && Algorithm == "RS256" && rsa.VerifyData(payload, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public X509Certificate2? EmbeddedCertificate()
    {
        try { return string.IsNullOrWhiteSpace(Certificate) ? null : X509Certificate2.CreateFromPem(Certificate); }
        catch (CryptographicException) { return null; }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public static SignatureRecord? Parse(string json)
    {
        try { return JsonSerializer.Deserialize<SignatureRecord>(json, Json) is { } r && Known(r.Format) ? r : null; }
        catch (JsonException) { return null; }
    }
}
