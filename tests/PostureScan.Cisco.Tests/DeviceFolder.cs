using PostureScan.TestKit;

namespace PostureScan.Cisco.Tests;

/// <summary>Fills a TestKit temporary folder with device files, fluently.</summary>
internal static class DeviceFolder
{
    public static TemporaryDirectory WithFixture(this TemporaryDirectory dir, string fixture, string? asName = null)
    {
        File.Copy(Fixture.PathOf(fixture), dir.File(asName ?? fixture));
        return dir;
    }

    public static TemporaryDirectory WithText(this TemporaryDirectory dir, string name, string text)
    {
        File.WriteAllText(dir.File(name), text);
        return dir;
    }
}
