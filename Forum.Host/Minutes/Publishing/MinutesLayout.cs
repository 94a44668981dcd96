using System.Globalization;
using Forum.Host.Minutes.Drafting;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Forum.Host.Minutes.Publishing;

public sealed record PdfMeta(string Title, string Author, string Subject, string Footer, string Language);

/// <summary>
/// Lays the minutes' Markdown out on A4 pages (headings, paragraphs, lists, quotes), leaves room at the end when asked
/// (<see cref="Reserve"/>: the signature box), then draws the page footers. Knows nothing of signatures. Text widths are
/// summed from cached glyph advances (PDFsharp does not kern), which keeps a 1,000-page document fast.
/// </summary>
public sealed class MinutesLayout
{
    private const double PageWidth = 595.28, PageHeight = 841.89, Left = 56, Right = PageWidth - 56, Top = 56, Bottom = PageHeight - 62;
    private const double BodySize = 10, LineFactor = 1.38;

    private readonly PdfDocument _doc = new();
    private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly Dictionary<XFont, Dictionary<char, double>> _widths = [];
    private readonly XFont _body, _bold, _italic, _boldItalic, _mono, _h1, _h2, _h3, _footer;
    private PdfPage? _page;
    private XGraphics? _gfx;
    private double _y;
    private int _quoteDepth;
    private string? _marker;
    private double _markerX;

    private sealed record Run(string Text, XFont Font, bool Break = false);

    private MinutesLayout()
    {
        MinutesFonts.EnsureInstalled();
        _body = MinutesFonts.Font(MinutesFonts.Serif, BodySize);
        _bold = MinutesFonts.Font(MinutesFonts.Serif, BodySize, bold: true);
        _italic = MinutesFonts.Font(MinutesFonts.Serif, BodySize, italic: true);
        _boldItalic = MinutesFonts.Font(MinutesFonts.Serif, BodySize, bold: true, italic: true);
        _mono = MinutesFonts.Font(MinutesFonts.Mono, BodySize - 1);
        _h1 = MinutesFonts.Font(MinutesFonts.Sans, 17, bold: true);
        _h2 = MinutesFonts.Font(MinutesFonts.Sans, 13, bold: true);
        _h3 = MinutesFonts.Font(MinutesFonts.Sans, 11, bold: true);
        _footer = MinutesFonts.Font(MinutesFonts.Sans, 7.5);
    }

    public PdfDocument Document => _doc;

    /// <summary>The text laid out on as many pages as it takes; footers are drawn by <see cref="Finish"/>.</summary>
    public static MinutesLayout Lay(string markdown, PdfMeta meta)
    {
        var layout = new MinutesLayout();
        var doc = layout._doc;
        doc.Info.Title = meta.Title;
        doc.Info.Author = meta.Author;
        doc.Info.Subject = meta.Subject;
        doc.Info.Creator = "Forum";
        doc.Language = meta.Language;
        layout.NewPage();
        foreach (var block in MinutesText.Parse(markdown)) layout.Block(block, Left, Right - Left);
        return layout;
    }

    /// <summary>
    /// Room for a box below the last line (on a new page when the last one is full): the page and the box's rectangle in
    /// PDF user space (origin at the bottom left), where an annotation's /Rect lives.
    /// </summary>
    public (int PageIndex, XRect Rect) Reserve(double width, double height)
    {
        const double gap = 12;
        if (_y + height + gap > Bottom) NewPage();
        var rect = new XRect(Left, PageHeight - (_y + gap + height), width, height);
        _y += gap + height;
        return (_doc.PageCount - 1, rect);
    }

    /// <summary>Footers on every page ("footer · 3 / 12"), once the page count is known.</summary>
    public PdfDocument Finish(string footer)
    {
        _gfx?.Dispose();
        _gfx = null;
        Footers(footer);
        return _doc;
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _doc.AddPage();
        _page.Width = XUnit.FromPoint(PageWidth);
        _page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Top;
    }

    private void Footers(string footer)
    {
        var total = _doc.PageCount;
        for (var i = 0; i < total; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_doc.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = $"{footer} · {(i + 1).ToString(CultureInfo.InvariantCulture)} / {total.ToString(CultureInfo.InvariantCulture)}";
            gfx.DrawLine(new XPen(XColors.LightGray, 0.5), Left, Bottom + 18, Right, Bottom + 18);
            gfx.DrawString(text, _footer, XBrushes.DimGray, new XPoint(Left, Bottom + 22), XStringFormats.TopLeft);
        }
    }

    // ---- blocks ----

    private void Block(Block block, double x, double width)
    {
        switch (block)
        {
            case HeadingBlock h:
            {
                var font = h.Level switch { 1 => _h1, 2 => _h2, _ => _h3 };
                Space(h.Level == 1 ? 0 : h.Level == 2 ? 12 : 8, font.Size * 3);
                Flow(Inlines(h.Inline, font), x, width, font.Size * 1.3);
                if (h.Level == 2) _gfx!.DrawLine(new XPen(XColors.Gray, 0.5), x, _y + 1, x + width, _y + 1);
                _y += h.Level == 1 ? 8 : 5;
                break;
            }
            case ParagraphBlock p:
                Flow(Inlines(p.Inline, _body), x, width, BodySize * LineFactor);
                _y += 4;
                break;
            case ListBlock list:
            {
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var child in list)
                {
                    if (child is not ListItemBlock item) continue;
                    const double indent = 16;
                    _marker = list.IsOrdered ? number++.ToString(CultureInfo.InvariantCulture) + "." : "•";
                    _markerX = x + (list.IsOrdered ? 0 : 4);
                    var itemIndent = list.IsOrdered ? Math.Max(indent, Width(_marker, _body) + 5) : indent;
                    foreach (var inner in item) Block(inner, x + itemIndent, width - itemIndent);
                    _marker = null;
                }
                _y += 2;
                break;
            }
            case QuoteBlock quote:
                _quoteDepth++;
                foreach (var inner in quote) Block(inner, x + 10, width - 10);
                _quoteDepth--;
                break;
            case ThematicBreakBlock:
                Space(6, 12);
                _gfx!.DrawLine(new XPen(XColors.Gray, 0.5), x, _y, x + width, _y);
                _y += 6;
                break;
            case LeafBlock leaf:
            {
                var lines = leaf.Lines.ToString();
                foreach (var line in lines.Split('\n'))
                    Flow([new Run(line.TrimEnd('\r'), leaf is CodeBlock ? _mono : _body)], x, width, BodySize * LineFactor);
                _y += 4;
                break;
            }
            case ContainerBlock container:
                foreach (var inner in container) Block(inner, x, width);
                break;
        }
    }

    private void Space(double before, double keepWithNext)
    {
        if (_y > Top) _y += before;
        if (_y + keepWithNext > Bottom) NewPage();
    }

    // ---- inlines ----

    private List<Run> Inlines(ContainerInline? container, XFont font)
    {
        var runs = new List<Run>();
        if (container is not null) Collect(container, font, runs);
        return runs;
    }

    private void Collect(Inline inline, XFont font, List<Run> runs)
    {
        switch (inline)
        {
            case LiteralInline literal: runs.Add(new Run(literal.Content.ToString(), font)); break;
            case LineBreakInline br: runs.Add(br.IsHard ? new Run("", font, Break: true) : new Run(" ", font)); break;
            case CodeInline code: runs.Add(new Run(code.Content, _mono)); break;
            case HtmlEntityInline entity: runs.Add(new Run(entity.Transcoded.ToString(), font)); break;
            case HtmlInline html: runs.Add(new Run(html.Tag, font)); break;
            case AutolinkInline link: runs.Add(new Run(link.Url, font)); break;
            case EmphasisInline emphasis:
            {
                var styled = Styled(font, bold: emphasis.DelimiterCount >= 2, italic: emphasis.DelimiterCount == 1);
                foreach (var child in emphasis) Collect(child, styled, runs);
                break;
            }
            case LinkInline link:
                foreach (var child in link) Collect(child, font, runs);
                if (!string.IsNullOrEmpty(link.Url)) runs.Add(new Run($" ({link.Url})", font));
                break;
            case ContainerInline container:
                foreach (var child in container) Collect(child, font, runs);
                break;
        }
    }

    private XFont Styled(XFont font, bool bold, bool italic)
    {
        if (font.Size != BodySize) return font; // headings stay as they are
        var b = bold || font == _bold || font == _boldItalic;
        var i = italic || font == _italic || font == _boldItalic;
        return (b, i) switch { (true, true) => _boldItalic, (true, _) => _bold, (_, true) => _italic, _ => _body };
    }

    // ---- line breaking ----

    private void Flow(List<Run> runs, double x, double width, double lineHeight)
    {
        var line = new List<(string Text, XFont Font, double X)>();
        var cursor = 0.0;
        var pendingSpace = (Width: 0.0, Font: _body);

        void Emit()
        {
            DrawLine(line, x, lineHeight);
            line.Clear();
            cursor = 0;
            pendingSpace = (0, _body);
        }

        foreach (var run in runs)
        {
            if (run.Break) { Emit(); continue; }
            var text = run.Text;
            var start = 0;
            while (start < text.Length)
            {
                if (text[start] == ' ')
                {
                    if (line.Count > 0) pendingSpace = (pendingSpace.Width + Width(' ', run.Font), run.Font);
                    start++;
                    continue;
                }
                var end = text.IndexOf(' ', start);
                if (end < 0) end = text.Length;
                var word = text[start..end];
                var w = Width(word, run.Font);
                if (line.Count > 0 && cursor + pendingSpace.Width + w > width) Emit();
                if (w > width)
                {
                    // A word wider than the column (a URL, a hash) is cut where it reaches the edge.
                    foreach (var piece in Cut(word, run.Font, width - cursor, width))
                    {
                        if (line.Count > 0 && cursor + Width(piece, run.Font) > width) Emit();
                        line.Add((piece, run.Font, cursor));
                        cursor += Width(piece, run.Font);
                    }
                }
                else
                {
                    cursor += line.Count > 0 ? pendingSpace.Width : 0;
                    line.Add((word, run.Font, cursor));
                    cursor += w;
                }
                pendingSpace = (0, run.Font);
                start = end;
            }
        }
        if (line.Count > 0 || _marker is not null) Emit();
    }

    private IEnumerable<string> Cut(string word, XFont font, double first, double width)
    {
        var start = 0;
        var room = first > 0 ? first : width;
        var w = 0.0;
        for (var i = 0; i < word.Length; i++)
        {
            var cw = Width(word[i], font);
            if (w + cw > room && i > start)
            {
                yield return word[start..i];
                start = i; w = 0; room = width;
            }
            w += cw;
        }
        yield return word[start..];
    }

    private void DrawLine(List<(string Text, XFont Font, double X)> line, double x, double lineHeight)
    {
        if (_y + lineHeight > Bottom) NewPage();
        var gfx = _gfx!;
        if (_marker is not null)
        {
            gfx.DrawString(_marker, _body, XBrushes.Black, new XPoint(_markerX, _y), XStringFormats.TopLeft);
            _marker = null;
        }
        for (var q = 0; q < _quoteDepth; q++)
            gfx.DrawLine(new XPen(XColors.Silver, 1.5), x - 10 * (_quoteDepth - q) + 3, _y, x - 10 * (_quoteDepth - q) + 3, _y + lineHeight);
        // Adjacent words in one font are drawn as one string: far fewer text operators in the page content.
        var i = 0;
        while (i < line.Count)
        {
            var (text, font, at) = line[i];
            var j = i + 1;
            var joined = text;
            var end = at + Width(text, font);
            while (j < line.Count && line[j].Font == font)
            {
                // Two literals may touch (Markdown splits text at escapes): no space between them then.
                var gap = line[j].X - end;
                if (gap > 0.01 && Math.Abs(gap - Width(' ', font)) > 0.01) break;
                joined += (gap > 0.01 ? " " : "") + line[j].Text;
                end = line[j].X + Width(line[j].Text, font);
                j++;
            }
            gfx.DrawString(joined, font, XBrushes.Black, new XPoint(x + at, _y), XStringFormats.TopLeft);
            i = j;
        }
        _y += lineHeight;
    }

    private double Width(string text, XFont font)
    {
        var w = 0.0;
        foreach (var ch in text) w += Width(ch, font);
        return w;
    }

    private double Width(char ch, XFont font)
    {
        if (!_widths.TryGetValue(font, out var table)) _widths[font] = table = [];
        if (!table.TryGetValue(ch, out var w)) table[ch] = w = _measure.MeasureString(ch.ToString(), font).Width;
        return w;
    }
}
