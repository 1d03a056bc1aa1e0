namespace PostureScan.Cisco.Tests;

/// <summary>A directory of device files for one test, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "posturescan-cisco-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TempDirectory WithFixture(string fixture, string? asName = null)
    {
        File.Copy(Fixture.PathOf(fixture), System.IO.Path.Combine(Path, asName ?? fixture));
        return this;
    }

    public TempDirectory WithText(string name, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, name), text);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
