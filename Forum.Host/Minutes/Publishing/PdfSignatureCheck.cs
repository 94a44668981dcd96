using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;

namespace Forum.Host.Minutes.Publishing;

/// <summary>An RFC 3161 signature timestamp found in a PDF signature: when, by which authority, and whether it holds.</summary>
public sealed record SignatureTimestamp(DateTimeOffset At, string Authority, bool Valid);

/// <summary>
/// Checks the PDF's own signature the way a PDF reader does: the CMS in /Contents must verify over the bytes named by
/// /ByteRange, and those ranges must cover the whole file except the signature itself. Also reads the sub-filter (PAdES
/// or the older adbe.pkcs7.detached) and the signature timestamp, whose token must be over this signature's value.
/// Whether the signer's or the authority's certificate is trusted is the reader's call; this names them.
/// </summary>
public static class PdfSignatureCheck
{
    public sealed record Result(bool Valid, string? SignerKeyId, string Detail, string? SubFilter = null, SignatureTimestamp? Timestamp = null);

    public static Result Check(byte[] pdf)
    {
        var space = PdfSignatureSpace.Find(pdf);
        if (space is null) return new(false, null, "the PDF carries no digital signature");
        if (!space.CoversWholeFile(pdf.Length))
            return new(false, null, "the signature's byte range does not cover the whole file (bytes were added or removed)");
        var der = Der(space.ContentsHex(pdf));
        if (der is null) return new(false, null, "the signature's contents are not a CMS signature");
        var cms = new SignedCms(new ContentInfo(space.SignedBytes(pdf)), detached: true);
        try
        {
            cms.Decode(der);
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            return new(false, null, "the signature does not match the document's bytes: " + e.Message);
        }
        var signerInfo = cms.SignerInfos[0];
        var signer = signerInfo.Certificate;
        var subFilter = Encoding.Latin1.GetString(pdf, 0, (int)space.B).Contains("/ETSI.CAdES.detached") ? "ETSI.CAdES.detached" : "adbe.pkcs7.detached";
        return new(true, signer is null ? null : SigningKeys.KeyIdOf(signer), "the PDF's digital signature is valid", subFilter, Timestamp(signerInfo));
    }

    /// <summary>The DER of the CMS: /Contents is zero-padded after it, so its length comes from its own ASN.1 header.</summary>
    public static byte[]? Der(string hex)
    {
        try
        {
            var raw = Convert.FromHexString(hex);
            AsnDecoder.ReadEncodedValue(raw, AsnEncodingRules.BER, out _, out _, out var length);
            return raw[..length];
        }
        catch (Exception e) when (e is FormatException or AsnContentException or ArgumentException)
        {
            return null;
        }
    }

    private static SignatureTimestamp? Timestamp(SignerInfo signerInfo)
    {
        foreach (var attribute in signerInfo.UnsignedAttributes)
        {
            if (attribute.Oid.Value != PadesSigner.SignatureTimeStampOid || attribute.Values.Count == 0) continue;
            if (!Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _))
                return new SignatureTimestamp(default, "?", false);
            var valid = token.VerifySignatureForSignerInfo(signerInfo, out var authority);
            return new SignatureTimestamp(token.TokenInfo.Timestamp, authority?.Subject ?? "?", valid);
        }
        return null;
    }
}
