using Forum.Host.Minutes.Publishing;

namespace Forum.Tests.Minutes;

public class MinutesPdfTests
{
    private const string Text = "# Протокол\n\nУкраїнська, Հայերեն, ქართული.\n\n1. **One** \\<b\\> *italic* ***both***\n2. Two `code`\n\n> quoted\n";

    [Fact]
    public void Every_face_the_minutes_embed_is_installed()
    {
        var missing = MinutesFonts.Missing(MinutesFonts.Directory);
        missing.ShouldBeEmpty(missing.Count == 0 ? "" : MinutesFonts.Explain(missing, MinutesFonts.Directory));
    }

    [Fact]
    public void A_missing_face_is_named_with_the_package_it_comes_in()
    {
        var folder = Directory.CreateTempSubdirectory("forum-fonts-").FullName;
        foreach (var face in MinutesFonts.Faces.Where(f => f.Package == "fonts-dejavu-core")) File.WriteAllBytes(Path.Combine(folder, face.File + ".ttf"), []);

        var missing = MinutesFonts.Missing(folder);

        missing.Select(f => f.File).ShouldBe(["DejaVuSans-Oblique", "DejaVuSans-BoldOblique", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic"]);
        var explained = MinutesFonts.Explain(missing, folder);
        explained.ShouldContain("DejaVu Serif Italic (DejaVuSerif-Italic.ttf)");
        explained.ShouldContain("Install fonts-dejavu-extra");
    }

    [Theory]
    [InlineData("DejaVu Serif")]
    [InlineData("DejaVu Sans")]
    [InlineData("DejaVu Sans Mono")]
    [InlineData("Verdana")]
    [InlineData("Courier New")]
    [InlineData("Times New Roman")]
    public void Every_family_PDFsharp_may_ask_for_resolves_to_a_listed_face(string family)
    {
        foreach (var (bold, italic) in new[] { (false, false), (true, false), (false, true), (true, true) })
            MinutesFonts.Faces.Select(f => f.File).ShouldContain(MinutesFonts.FaceFor(family, bold, italic));
    }

    [Fact]
    public async Task A_signed_pdf_is_PAdES_B_B_that_pdfsig_and_openssl_accept_and_a_changed_byte_breaks()
    {
        var keys = new SigningKeys(Directory.CreateTempSubdirectory("forum-keys-").FullName);
        var cert = keys.Current;
        var now = new DateTimeOffset(2026, 11, 26, 12, 30, 5, TimeSpan.Zero);
        var pdf = await MinutesPdf.RenderSignedAsync(Text, new PdfMeta("T", "A", "S", "footer", "uk"),
            new PdfSigning(new PadesSigner(cert, [], null), now, SigningKeys.KeyIdOf(cert), "Signed", "test", "Kyiv"));

        var check = PdfSignatureCheck.Check(pdf);
        check.Valid.ShouldBeTrue(check.Detail);
        check.SignerKeyId.ShouldBe(SigningKeys.KeyIdOf(cert));
        check.SubFilter.ShouldBe("ETSI.CAdES.detached");
        check.Timestamp.ShouldBeNull();

        var outcome = await new IndependentChecks(Directory.CreateTempSubdirectory("forum-pades-").FullName).Run(pdf, SigningKeys.Pem(cert));
        outcome.Pdfsig.ShouldContain("Signature Type: ETSI.CAdES.detached");
        outcome.Pdfsig.ShouldContain("Signature Validation: Signature is Valid.");
        // PAdES puts the claimed signing time in /M, in UTC here, not in a CMS signing-time attribute.
        outcome.CmsPrint.ShouldNotContain("signingTime");
        outcome.CmsPrint.ShouldContain("id-smime-aa-signingCertificateV2");
        outcome.CmsVerify.ShouldContain("CMS Verification successful");
        System.Text.Encoding.Latin1.GetString(pdf).ShouldContain("/M(D:20261126123005+00'00')");

        pdf[pdf.Length / 3] ^= 0x20;
        PdfSignatureCheck.Check(pdf).Valid.ShouldBeFalse();
        var changed = await new IndependentChecks(Directory.CreateTempSubdirectory("forum-pades-").FullName).Run(pdf, SigningKeys.Pem(cert));
        changed.Pdfsig.ShouldNotContain("Signature is Valid.");
        changed.CmsVerify.ShouldNotContain("CMS Verification successful");
    }
}
