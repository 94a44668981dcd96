using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using Scriban;
using Scriban.Runtime;

namespace Forum.Host.Mail;

public sealed record RenderedMail(string Subject, string Text, string Html);

/// <summary>Mail rendered from Scriban templates embedded in the host, per language with English as the fallback.</summary>
public static class MailTemplates
{
    private static readonly ConcurrentDictionary<string, Template?> Cache = new();

    public static MimeMessage SignIn(string to, string link, int minutes) =>
        Render("sign-in", "en", to, new { link, minutes });

    public static MimeMessage Render(string name, string language, string to, object model)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: m => StandardMemberRenamer.Rename(m));
        var subject = RenderPart(name, language, "subject.txt", globals).Trim();
        var text = RenderPart(name, language, "txt", globals);
        var html = RenderPart(name, language, "html", globals);
        var message = new MimeMessage { Subject = subject };
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    /// <summary>
    /// Subject, text and HTML of a template whose model is names to values (strings, numbers, booleans, nested
    /// dictionaries and lists). For the HTML part every string in the model is HTML-escaped before rendering, so what
    /// a user typed (titles, names, venues) is safe there without an escape in the template.
    /// </summary>
    public static RenderedMail RenderParts(string name, string language, IReadOnlyDictionary<string, object?> model)
    {
        var text = (ScriptObject)ToScript(model, escape: false)!;
        var html = (ScriptObject)ToScript(model, escape: true)!;
        return new RenderedMail(RenderPart(name, language, "subject.txt", text).Trim(), RenderPart(name, language, "txt", text), RenderPart(name, language, "html", html));
    }

    private static object? ToScript(object? value, bool escape) => value switch
    {
        null => null,
        string s => escape ? WebUtility.HtmlEncode(s) : s,
        IEnumerable<KeyValuePair<string, object?>> map => map.Aggregate(new ScriptObject(), (o, kv) => { o[kv.Key] = ToScript(kv.Value, escape); return o; }),
        IEnumerable list => new ScriptArray(list.Cast<object?>().Select(x => ToScript(x, escape))),
        _ => value,
    };

    private static string RenderPart(string name, string language, string part, ScriptObject globals)
    {
        var template = Load($"{name}.{language}.{part}") ?? Load($"{name}.en.{part}")
            ?? throw new InvalidOperationException($"No mail template {name}.en.{part}.sbn");
        var context = new TemplateContext { StrictVariables = true };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static Template? Load(string key) => Cache.GetOrAdd(key, k =>
    {
        using var stream = typeof(MailTemplates).Assembly.GetManifestResourceStream($"Forum.Host.Mail.Templates.{k}.sbn");
        if (stream is null) return null;
        var template = Template.Parse(new StreamReader(stream).ReadToEnd(), k);
        if (template.HasErrors) throw new InvalidOperationException($"Template {k}: {string.Join("; ", template.Messages)}");
        return template;
    });
}
