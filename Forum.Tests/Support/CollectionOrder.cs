using Forum.Tests.Infrastructure;
using Forum.Tests.Invitations;
using Forum.Tests.Minutes;
using Forum.Tests.ScaleOut;
using Forum.Tests.Web;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Forum.Tests.Support.CollectionOrder", "Forum.Tests")]

namespace Forum.Tests.Support;

/// <summary>
/// xunit runs two collections at a time on this machine's two cores and starts the next in this order. The pages'
/// collection, which runs test after test in one browser, is the longest by far: started first, it runs beside all the
/// others instead of after most of them (docs/benchmarks.md, "Test suite"). The rest follow longest first; the
/// classes without a shared host (the rules' specs) fill the gaps at the end.
/// </summary>
public sealed class CollectionOrder : ITestCollectionOrderer
{
    private static readonly string[] LongestFirst =
    [
        BrowserCollection.Name, ApiCollection.Name, TwoHostsCollection.Name, MinutesCollection.Name,
        InvitationsCollection.Name, DatabaseOutageCollection.Name,
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> collections) =>
        collections.OrderBy(c => Array.IndexOf(LongestFirst, c.DisplayName) is var i and >= 0 ? i : LongestFirst.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
