using Forum.Host.Minutes.Publishing;

namespace Forum.Tests.Minutes;

public class MinutesPdfTests
{
    [Fact]
    public void A_signed_pdf_verifies_and_a_changed_byte_does_not()
    {
        var folder = Directory.CreateTempSubdirectory("forum-keys-").FullName;
        var keys = new SigningKeys(folder);
        var cert = keys.Current;
        var now = DateTimeOffset.UtcNow;
        var signer = new CmsPdfSigner(cert, now);
        var pdf = MinutesPdf.Render("# Протокол\n\nУкраїнська, Հայերեն, ქართული.\n\n1. **One** \\<b\\>\n2. Two\n\n> quoted\n",
            new PdfMeta("T", "A", "S", "footer", "uk"),
            new PdfSignature(signer, new SignatureBox(signer.CertificateName, now, SigningKeys.KeyIdOf(cert), "Signed"), "test", "Kyiv"));

        var check = PdfSignatureCheck.Check(pdf);
        check.Valid.ShouldBeTrue(check.Detail);
        check.SignerKeyId.ShouldBe(SigningKeys.KeyIdOf(cert));

        pdf[pdf.Length / 3] ^= 0x20;
        PdfSignatureCheck.Check(pdf).Valid.ShouldBeFalse();
    }
}
