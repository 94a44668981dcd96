using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Signatures;

namespace Forum.Host.Minutes.Publishing;

/// <summary>
/// The PDF's CMS signature (adbe.pkcs7.detached), made with .NET's SignedCms rather than PDFsharp's default signer:
/// the signing time and the certificate's hash (signingCertificateV2) are signed attributes (docs/adr/0005).
/// </summary>
public sealed class CmsPdfSigner(X509Certificate2 certificate, DateTimeOffset signingTime) : IDigitalSigner
{
    public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, false);

    // Reserved space in the PDF; the CMS is smaller (certificate + signed attributes + signature) and padded.
    public Task<int> GetSignatureSizeAsync() => Task.FromResult(certificate.RawData.Length + 4096);

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // PDFsharp's RangedStream throws on CanSeek (so no CopyTo), but knows its length and position.
        var content = new byte[stream.Length];
        stream.Position = 0;
        var offset = 0;
        int read;
        while (offset < content.Length && (read = stream.Read(content, offset, content.Length - offset)) > 0) offset += read;
        if (offset != content.Length) throw new InvalidOperationException($"Read {offset} of {content.Length} bytes to sign.");
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        signer.SignedAttributes.Add(SigningCertificateV2(certificate));
        cms.ComputeSignature(signer, silent: true);
        return Task.FromResult(cms.Encode());
    }

    /// <summary>RFC 5035 signingCertificateV2 with the certificate's SHA-256 (the default algorithm, so not named).</summary>
    private static AsnEncodedData SigningCertificateV2(X509Certificate2 cert)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())            // SigningCertificateV2
        using (writer.PushSequence())            // certs SEQUENCE OF ESSCertIDv2
        using (writer.PushSequence())            // ESSCertIDv2
            writer.WriteOctetString(SHA256.HashData(cert.RawData));
        return new AsnEncodedData(new Oid("1.2.840.113549.1.9.16.2.47"), writer.Encode());
    }
}

/// <summary>The visible signature box: who signed, when (UTC) and the key id, in DejaVu Sans.</summary>
public sealed class SignatureBox(string signer, DateTimeOffset at, string keyId, string caption) : IAnnotationAppearanceHandler
{
    public void DrawAppearance(XGraphics gfx, XRect field)
    {
        // The appearance is a form of the field's size: draw from its own origin, not the field's place on the page.
        var rect = new XRect(0, 0, field.Width, field.Height);
        var pen = new XPen(XColor.FromArgb(90, 90, 90), 0.6);
        gfx.DrawRectangle(pen, XBrushes.White, rect);
        var bold = MinutesFonts.Font(MinutesFonts.Sans, 7.5, bold: true);
        var font = MinutesFonts.Font(MinutesFonts.Sans, 6.5);
        var x = rect.X + 5;
        var y = rect.Y + 4;
        gfx.DrawString(caption, bold, XBrushes.Black, new XPoint(x, y), XStringFormats.TopLeft);
        gfx.DrawString(signer, font, XBrushes.Black, new XPoint(x, y + 11), XStringFormats.TopLeft);
        gfx.DrawString(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture), font, XBrushes.Black, new XPoint(x, y + 20), XStringFormats.TopLeft);
        gfx.DrawString("Key " + keyId[..Math.Min(32, keyId.Length)], font, XBrushes.DimGray, new XPoint(x, y + 29), XStringFormats.TopLeft);
    }
}
