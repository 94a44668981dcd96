namespace Forum.Host.Minutes.Publishing;

/// <summary>
/// The minutes as a signed PDF: the text laid out by <see cref="MinutesLayout"/>, room left below the last line for the
/// visible signature box, then sealed by <see cref="SignaturePlacement"/> with a PAdES signature (docs/adr/0015).
/// </summary>
public static class MinutesPdf
{
    public static async Task<byte[]> RenderSignedAsync(string markdown, PdfMeta meta, PdfSigning signing, CancellationToken ct = default)
    {
        var layout = MinutesLayout.Lay(markdown, meta);
        var (page, rect) = layout.Reserve(SignatureBox.Width, SignatureBox.Height);
        return await SignaturePlacement.SignAsync(layout.Finish(meta.Footer), page, rect, signing, ct);
    }
}
