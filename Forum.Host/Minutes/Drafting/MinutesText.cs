using System.Collections.Concurrent;
using Markdig;
using Markdig.Syntax;
using Scriban;
using Scriban.Runtime;

namespace Forum.Host.Minutes.Drafting;

/// <summary>
/// The minutes' text: drafted into Markdown through a Scriban template in the session's language (English when there
/// is none for it); HTML is made from that Markdown, so a revision by the secretariat shows the same in every format.
/// </summary>
public static class MinutesText
{
    private static readonly ConcurrentDictionary<string, Template?> Cache = new();

    // Raw HTML in the Markdown is shown as text, never passed through: the secretariat's revisions included.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string LanguageOf(string language) => Load($"minutes.{language}.md") is null ? "en" : language;

    public static string Markdown(MinutesModel model, string language)
    {
        var template = Load($"minutes.{language}.md") ?? Load("minutes.en.md") ?? throw new InvalidOperationException("No minutes.en.md.sbn");
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Rename);
        return Render(template, globals).Replace("\r\n", "\n");
    }

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    public static string Html(string markdown, string title, string language)
    {
        var body = Markdig.Markdown.ToHtml(markdown, Pipeline);
        var globals = new ScriptObject { ["body"] = body, ["title"] = title, ["language"] = language };
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
