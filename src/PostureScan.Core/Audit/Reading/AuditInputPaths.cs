namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// Expands the paths given on the command line into the files to read: files as they are,
/// directories recursively (in a stable order), and "-" for standard input.
/// </summary>
public static class AuditInputPaths
{
    public const string StandardInput = "-";

    /// <summary>The files to read, or the first path that does not exist (as <paramref name="missing"/>).</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out string? missing)
    {
        var files = new List<string>();
        missing = null;
        foreach (var path in paths)
        {
            if (path == StandardInput || File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 };
                files.AddRange(Directory.EnumerateFiles(path, "*", options).Order(StringComparer.Ordinal));
            }
            else
            {
                missing = path;
                return [];
            }
        }

        return files;
    }
}
