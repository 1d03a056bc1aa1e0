namespace PostureScan.Tests;

/// <summary>A folder of its own for one test, removed afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("posturescan-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still hold a file for a moment; the OS temp cleaner gets it later.
        }
    }
}
