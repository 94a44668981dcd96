namespace Forum.Tests.Support;

/// <summary>The checkout the suite runs from: files that the tests compare with what the code does (proxy settings, generated code).</summary>
public static class Checkout
{
    /// <summary>The directory that holds Forum.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Forum.sln"))) return dir.FullName;
        throw new InvalidOperationException("Forum.sln not found above " + AppContext.BaseDirectory);
    }
}
