using System.Text.RegularExpressions;
using Forum.Tests.Support;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Infrastructure;

/// <summary>
/// ADR 0024: the handlers' and endpoints' code that Wolverine would generate at start is checked in under
/// Forum.Host/Internal/Generated and loaded from the assembly. Code that no longer matches the handlers would run
/// the old wiring (a missing transaction, a dependency no longer resolved), so every file is generated again here
/// and compared with the one checked in.
/// </summary>
[Collection(ApiCollection.Name)]
public class GeneratedCodeTests(ApiFixture fixture)
{
    private static string Folder => Path.Combine(Checkout.Root, "Forum.Host", "Internal", "Generated");

    [Fact]
    public void The_checked_in_generated_code_is_what_the_handlers_and_endpoints_generate_now()
    {
        var services = fixture.Host.Services;
        var variables = services.GetService<IServiceVariableSource>();
        var expected = new Dictionary<string, string>();
        foreach (var collection in services.GetServices<ICodeFileCollection>())
        {
            var directory = collection.ToExportDirectory(Folder);
            foreach (var file in collection.BuildFiles())
            {
                var assembly = collection.StartAssembly(collection.Rules);
                file.AssembleTypes(assembly);
                var withServices = collection is ICodeFileCollectionWithServices ? variables : null;
                // As `codegen write` does: an endpoint's file may take its services from the request.
                withServices?.ResetServiceProvider();
                if (withServices is not null && file.TryReplaceServiceProvider(out var provider)) withServices.ReplaceServiceProvider(provider);
                expected[Path.GetRelativePath(Folder, Path.Combine(directory, file.FileName.Replace(" ", "_") + ".cs"))] =
                    assembly.GenerateCode(withServices);
            }
        }

        var actual = Directory.GetFiles(Folder, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Folder, f), File.ReadAllText);

        var missing = expected.Keys.Except(actual.Keys).Order().ToList();
        var extra = actual.Keys.Except(expected.Keys).Order().ToList();
        var changed = expected.Keys.Intersect(actual.Keys).Where(k => Normalise(expected[k]) != Normalise(actual[k])).Order().ToList();
        var problems = missing.Select(f => "missing: " + f).Concat(extra.Select(f => "no longer generated: " + f))
            .Concat(changed.Select(f => "changed: " + f)).ToList();
        problems.ShouldBeEmpty("Run scripts/codegen.sh to write the generated code again:\n" + string.Join("\n", problems));
        expected.Count.ShouldBeGreaterThan(100);
    }

    /// <summary>
    /// `codegen write` adds to each registry the roots that keep its types through trimming (a list of the same
    /// types); they are left out of the comparison, as are blank lines.
    /// </summary>
    private static string Normalise(string code)
    {
        var withoutRoots = Regex.Replace(code, @"// START: (\w*AotRoots\b).*?// END: \1", "", RegexOptions.Singleline);
        return string.Join("\n", withoutRoots.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
    }
}
