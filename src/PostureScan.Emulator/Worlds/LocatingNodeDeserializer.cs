using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PostureScan.Emulator.Worlds;

/// <summary>Wraps YamlDotNet's object deserializer to remember where each object's mapping started.</summary>
internal sealed class LocatingNodeDeserializer(INodeDeserializer inner, NodeLocations locations) : INodeDeserializer
{
    public bool Deserialize(
        IParser reader,
        Type expectedType,
        Func<IParser, Type, object?> nestedObjectDeserializer,
        out object? value,
        ObjectDeserializer rootDeserializer)
    {
        var start = reader.Current?.Start ?? Mark.Empty;
        var done = inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer);
        if (done && value is not null)
        {
            locations.Record(value, start);
        }

        return done;
    }
}
