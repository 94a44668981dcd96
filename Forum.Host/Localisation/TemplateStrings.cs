using Scriban.Runtime;

namespace Forum.Host.Localisation;

/// <summary>
/// The strings inside a Scriban template, so that one template serves every language: <c>{{ t "mail.invitation.when" }}</c>,
/// with arguments <c>{{ t "minutes.doc.positions" { count: item.positions.size } }}</c> (a <c>count</c> picks the plural form).
/// In HTML the wording is escaped and the arguments are taken as given: the model's strings are escaped already.
/// </summary>
public static class TemplateStrings
{
    public static ScriptObject Functions(Wording wording, bool html)
    {
        var functions = new ScriptObject();
        var t = new Texts(wording, html);
        functions.Import("t", new Func<string, ScriptObject?, string>(t.T));
        functions["language"] = wording.Code;
        return functions;
    }

    private sealed class Texts(Wording wording, bool html)
    {
        public string T(string key, ScriptObject? args = null)
        {
            var values = args?.ToDictionary(kv => kv.Key, kv => kv.Value);
            return html ? wording.Html(key, values) : wording.T(key, values);
        }
    }

}
