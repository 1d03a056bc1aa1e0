using PostureScan.Emulator.Worlds;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PostureScan.Bench.Scale;

/// <summary>Writes a world built in code as a world file the emulator command reads (the same camelCase keys).</summary>
internal static class WorldYaml
{
    public static string Write(World world)
    {
        var serializer = new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
            .DisableAliases()
            .Build();
        return serializer.Serialize(world);
    }
}
