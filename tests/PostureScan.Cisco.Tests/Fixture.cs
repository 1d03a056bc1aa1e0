using PostureScan.Cisco.Inventory;
using PostureScan.Cisco.Mapping;
using PostureScan.Cisco.Parsing;
using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Tests;

/// <summary>The project's own device files (Fixtures/), parsed the way the inventory source does.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static DeviceParseResult Parse(string name) => CiscoDeviceParser.Parse(Read(name));

    /// <summary>The sessions of a fixture, named after the device in the file or else the file.</summary>
    public static IReadOnlyList<MirrorSession> Sessions(string name) => SessionsOf(Parse(name), name);

    public static IReadOnlyList<MirrorSession> SessionsOf(DeviceParseResult parsed, string fileName)
    {
        var device = parsed.DeviceName ?? DeviceNaming.FromFileName(fileName);
        return [.. parsed.Sessions.Select(s => MirrorSessionFactory.Create(s, device, parsed.Format))];
    }
}
