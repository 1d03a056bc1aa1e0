using PostureScan.Core.Checks;
using PostureScan.Core.Policy;

namespace PostureScan.Core.Tests.Support;

/// <summary>Policies for tests, written as the YAML a user would write and read by the real loader.</summary>
internal static class Policies
{
    public static CheckRegistry Registry { get; } = CheckRegistry.CreateDefault();

    public static PolicyLoader Loader { get; } = new(Registry.Metadata);

    public static MirrorPolicy Empty { get; } = Parse("version: 1");

    public static MirrorPolicy Parse(string yaml) => Loader.Parse(yaml, "test.yaml");

    /// <summary>The path of a shipped file under policies/, copied beside the tests.</summary>
    public static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "policies", name);
}
