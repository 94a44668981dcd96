using System.Collections.Concurrent;
using System.Globalization;
using Forum.Host.Localisation;
using Markdig;
using Markdig.Syntax;
using Scriban;
using Scriban.Runtime;

namespace Forum.Host.Minutes.Drafting;

/// <summary>
/// The minutes' text: drafted into Markdown through one Scriban template whose wording comes from the strings of the
/// minutes' language (ADR 0014); HTML is made from that Markdown, so a revision by the secretariat shows the same in
/// every format.
/// </summary>
public static class MinutesText
{
    private static readonly ConcurrentDictionary<string, Template?> Cache = new();

    // Raw HTML in the Markdown is shown as text, never passed through: the secretariat's revisions included.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The language minutes are written in: the session's, when Forum speaks it, else English.</summary>
    public static string LanguageOf(string language) => Localisation.Languages.Of(language).Code;

    /// <param name="publicUrl">The site's address, so the minutes' links work in a downloaded copy too.</param>
    public static string Markdown(MinutesModel model, string language, string publicUrl = "")
    {
        var template = Load("minutes.md") ?? throw new InvalidOperationException("No minutes.md.sbn");
        var wording = Strings.For(language);
        var globals = TemplateStrings.Functions(wording, html: false);
        // Dates in the record are ISO days (yyyy-MM-dd); shares are whole percents.
        globals.Import("date", new Func<string, string>(iso =>
            DateTime.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? wording.Date(day) : iso));
        globals.Import("percent", new Func<int, string>(n => (n / 100.0).ToString("P0", wording.Culture)));
        globals.Import(model, renamer: StandardMemberRenamer.Rename);
        globals["public_url"] = publicUrl.TrimEnd('/');
        return Render(template, globals).Replace("\r\n", "\n");
    }

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// Markdig passes a link's address through as written, so a revision could put <c>javascript:</c> or <c>data:</c> into
    /// the document; what HtmlSanitizer lets through is what a downloaded copy, opened outside our sandbox, may hold.
    /// </summary>
    private static readonly Ganss.Xss.HtmlSanitizer Sanitizer = NewSanitizer();

    private static Ganss.Xss.HtmlSanitizer NewSanitizer()
    {
        var sanitizer = new Ganss.Xss.HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        return sanitizer;
    }

    public static string Html(string markdown, string title, string language)
    {
        var body = Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));
        var globals = new ScriptObject { ["body"] = body, ["title"] = title, ["language"] = LanguageOf(language) };
        return Render(Load("page.html") ?? throw new InvalidOperationException("No page.html.sbn"), globals);
    }

    private static string Render(Template template, ScriptObject globals)
    {
        // A session of 100,000 events is a long loop: no loop or output limits.
        var context = new TemplateContext { StrictVariables = true, LoopLimit = 0, LimitToString = 0, MemberRenamer = StandardMemberRenamer.Rename };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static Template? Load(string key) => Cache.GetOrAdd(key, k =>
    {
        using var stream = typeof(MinutesText).Assembly.GetManifestResourceStream($"Forum.Host.Minutes.Templates.{k}.sbn");
        if (stream is null) return null;
        var template = Template.Parse(new StreamReader(stream).ReadToEnd(), k);
        if (template.HasErrors) throw new InvalidOperationException($"Template {k}: {string.Join("; ", template.Messages)}");
        return template;
    });
}
