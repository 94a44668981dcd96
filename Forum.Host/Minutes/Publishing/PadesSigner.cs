using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Forum.Host.Minutes.Publishing;

/// <summary>
/// The CMS of a PAdES baseline signature (ETSI EN 319 142-1), made with .NET's SignedCms: B-B signs content type, message
/// digest and signing-certificate-v2 (the signing certificate's SHA-256), and no signing-time attribute (PAdES puts the
/// claimed time in the signature dictionary's /M); B-T adds, as an unsigned attribute, an RFC 3161 token from a
/// time-stamping authority over the signature value, which proves the signature existed at the authority's time.
/// </summary>
public sealed class PadesSigner(X509Certificate2 certificate, IReadOnlyCollection<X509Certificate2> chain, TimestampAuthority? timestamps)
{
    public const string SignatureTimeStampOid = "1.2.840.113549.1.9.16.2.14";
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    public string SignerName => certificate.GetNameInfo(X509NameType.SimpleName, false);

    public bool Timestamped => timestamps is { IsConfigured: true };

    /// <summary>Room the PDF keeps for the CMS: the certificates, the signed attributes and signature, and a token.</summary>
    public int MaxSignatureSize => certificate.RawData.Length + chain.Sum(c => c.RawData.Length) + 2048 + (Timestamped ? TimestampAuthority.MaxTokenSize : 0);

    public async Task<byte[]> SignAsync(byte[] content, CancellationToken ct)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        // A forum's own certificate usually comes with its issuers in the PKCS#12: readers need them to build the chain.
        foreach (var issuer in chain) signer.Certificates.Add(issuer);
        signer.SignedAttributes.Add(SigningCertificateV2(certificate));
        cms.ComputeSignature(signer, silent: true);
        if (Timestamped)
        {
            var signerInfo = cms.SignerInfos[0];
            var token = await timestamps!.StampAsync(signerInfo, ct);
            signerInfo.AddUnsignedAttribute(new AsnEncodedData(SignatureTimeStampOid, token.AsSignedCms().Encode()));
        }
        return cms.Encode();
    }

    /// <summary>RFC 5035 signingCertificateV2 with the certificate's SHA-256 (the default algorithm, so not named).</summary>
    private static AsnEncodedData SigningCertificateV2(X509Certificate2 cert)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())            // SigningCertificateV2
        using (writer.PushSequence())            // certs SEQUENCE OF ESSCertIDv2
        using (writer.PushSequence())            // ESSCertIDv2
            writer.WriteOctetString(SHA256.HashData(cert.RawData));
        return new AsnEncodedData(new Oid(SigningCertificateV2Oid), writer.Encode());
    }
}
