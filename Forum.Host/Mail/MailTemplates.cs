using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using Forum.Host.Localisation;
using MimeKit;
using Scriban;
using Scriban.Runtime;

namespace Forum.Host.Mail;

public sealed record RenderedMail(string Subject, string Text, string Html);

/// <summary>
/// Mail rendered from one Scriban template per document and part (<c>{name}.subject.txt</c>, <c>.txt</c>, <c>.html</c>),
/// its wording from the strings of the reader's language (<c>mail.*</c>, ADR 0014).
/// </summary>
public static class MailTemplates
{
    private static readonly ConcurrentDictionary<string, Template?> Cache = new();

    public static MimeMessage SignIn(string to, string link, int minutes, string? language)
    {
        var parts = RenderParts("sign-in", language, new Dictionary<string, object?> { ["link"] = link, ["minutes"] = minutes });
        var message = new MimeMessage { Subject = parts.Subject };
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder { TextBody = parts.Text, HtmlBody = parts.Html }.ToMessageBody();
        return message;
    }

    /// <summary>
    /// Subject, text and HTML of a template whose model is names to values (strings, numbers, booleans, nested
    /// dictionaries and lists). For the HTML part every string in the model is HTML-escaped before rendering, so what
    /// a user typed (titles, names, venues) is safe there without an escape in the template.
    /// </summary>
    public static RenderedMail RenderParts(string name, string? language, IReadOnlyDictionary<string, object?> model)
    {
        var wording = Strings.For(language);
        ScriptObject Globals(bool html)
        {
            var globals = TemplateStrings.Functions(wording, html);
            ((ScriptObject)ToScript(model, escape: html)!).CopyTo(globals);
            return globals;
        }
        var text = Globals(html: false);
        return new RenderedMail(RenderPart(name, "subject.txt", text).Trim(), RenderPart(name, "txt", text), RenderPart(name, "html", Globals(html: true)));
    }

    private static object? ToScript(object? value, bool escape) => value switch
    {
        null => null,
        string s => escape ? WebUtility.HtmlEncode(s) : s,
        IEnumerable<KeyValuePair<string, object?>> map => map.Aggregate(new ScriptObject(), (o, kv) => { o[kv.Key] = ToScript(kv.Value, escape); return o; }),
        IEnumerable list => new ScriptArray(list.Cast<object?>().Select(x => ToScript(x, escape))),
        _ => value,
    };

    private static string RenderPart(string name, string part, ScriptObject globals)
    {
        var template = Load($"{name}.{part}") ?? throw new InvalidOperationException($"No mail template {name}.{part}.sbn");
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
