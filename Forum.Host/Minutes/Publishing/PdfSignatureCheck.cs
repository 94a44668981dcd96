using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace Forum.Host.Minutes.Publishing;

/// <summary>
/// Checks the PDF's own signature the way a PDF reader does: the CMS in /Contents must verify over the bytes named by
/// /ByteRange, and those ranges must cover the whole file except the signature itself.
/// </summary>
public static partial class PdfSignatureCheck
{
    public sealed record Result(bool Valid, string? SignerKeyId, string Detail);

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();

    public static Result Check(byte[] pdf)
    {
        // Latin-1 keeps one char per byte, so regex positions are byte offsets.
        var text = Encoding.Latin1.GetString(pdf);
        var matches = ByteRange().Matches(text);
        if (matches.Count == 0) return new(false, null, "the PDF carries no digital signature");
        var m = matches[^1];
        long a = Parse(m, 1), b = Parse(m, 2), c = Parse(m, 3), d = Parse(m, 4);
        if (a != 0 || a + b > c || c + d != pdf.Length)
            return new(false, null, "the signature's byte range does not cover the whole file (bytes were added or removed)");
        var hex = text[(int)b..(int)c].Trim().TrimStart('<').TrimEnd('>');
        byte[] der;
        try
        {
            var raw = Convert.FromHexString(hex);
            AsnDecoder.ReadEncodedValue(raw, AsnEncodingRules.BER, out _, out _, out var length);
            der = raw[..length];
        }
        catch (Exception e) when (e is FormatException or AsnContentException or ArgumentException)
        {
            return new(false, null, "the signature's contents are not a CMS signature");
        }
        var signed = new byte[b + d];
        Array.Copy(pdf, 0, signed, 0, b);
        Array.Copy(pdf, c, signed, b, d);
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(der);
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            return new(false, null, "the signature does not match the document's bytes: " + e.Message);
        }
        var signer = cms.SignerInfos.Count > 0 ? cms.SignerInfos[0].Certificate : null;
        return new(true, signer is null ? null : SigningKeys.KeyIdOf(signer), "the PDF's digital signature is valid");
    }

    private static long Parse(Match m, int group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
}
