namespace Forum.Tests.Support;

/// <summary>The checkout the suite runs from: files that the tests compare with what the code does (proxy settings, generated code).</summary>
public static class Checkout
{
    /// <summary>The directory that holds Forum.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = Find();

    /// <summary>
    /// Forum.Host.dll in the host's own build output (bin/Debug/net10.0 beside the tests'), run as an operator runs it.
    /// Not the copy in the tests' folder: there the host's command line would also scan the test assembly.
    /// </summary>
    public static string HostDll { get; } = Path.Combine(Root, "Forum.Host",
        Path.GetRelativePath(Path.Combine(Root, "Forum.Tests"), AppContext.BaseDirectory), "Forum.Host.dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Forum.sln"))) return dir.FullName;
        throw new InvalidOperationException("Forum.sln not found above " + AppContext.BaseDirectory);
    }
}
