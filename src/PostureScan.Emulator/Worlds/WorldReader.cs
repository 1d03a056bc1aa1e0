using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.Converters;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace PostureScan.Emulator.Worlds;

/// <summary>YAML to <see cref="World"/>: strict keys, positions kept for the validator's messages.</summary>
internal static class WorldReader
{
    private const int MaxNesting = 64;

    /// <summary>ISO 8601 times as worlds write them: with or without a fraction, with Z or an offset.</summary>
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "O"];

    public static World Read(string yaml, string sourceName)
    {
        var locations = new NodeLocations();
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .WithNodeTypeResolver(new ReadOnlyCollectionTypeResolver())
            .WithNodeDeserializer(inner => new LocatingNodeDeserializer(inner, locations), s => s.InsteadOf<ObjectNodeDeserializer>())
            .WithDuplicateKeyChecking()
            .WithTypeConverter(new DateTimeOffsetConverter(CultureInfo.InvariantCulture, ScalarStyle.Any, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, TimeFormats))
            .WithMaximumRecursion(MaxNesting)
            .Build();

        World? world;
        try
        {
            world = deserializer.Deserialize<World?>(yaml);
        }
        catch (YamlException e)
        {
            throw new WorldFormatException(sourceName, e.Start.Line, e.Start.Column, Describe(e), e);
        }

        world ??= new World();
        new WorldValidator(sourceName, locations).Validate(world);
        return world;
    }

    /// <summary>Validates a world built in code (no positions to report).</summary>
    public static void Validate(World world) => new WorldValidator("world", new NodeLocations()).Validate(world);

    /// <summary>YamlDotNet's messages name CLR types; users know the YAML keys.</summary>
    private static string Describe(YamlException e)
    {
        const string notFound = "' not found on type '";
        var message = e.Message;
        var at = message.IndexOf(notFound, StringComparison.Ordinal);
        if (message.StartsWith("Property '", StringComparison.Ordinal) && at > 0)
        {
            var key = message["Property '".Length..at];
            var type = message[(at + notFound.Length)..].TrimEnd('.', '\'');
            return $"unknown key '{key}' in {NodeLocations.Friendly(type)}";
        }

        return e.InnerException is { } inner ? $"{message}: {inner.Message}" : message;
    }
}
