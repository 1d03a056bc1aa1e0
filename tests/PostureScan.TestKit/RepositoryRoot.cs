namespace PostureScan.TestKit;

/// <summary>The repository's root folder (the one holding PostureScan.sln), found above the test output.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The path of <paramref name="parts"/> under the root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PostureScan.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (PostureScan.sln) is not above the test output.");
    }
}
