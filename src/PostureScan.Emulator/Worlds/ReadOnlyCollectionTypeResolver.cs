using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace PostureScan.Emulator.Worlds;

/// <summary>Lets the immutable world records declare IReadOnlyList and IReadOnlyDictionary members.</summary>
internal sealed class ReadOnlyCollectionTypeResolver : INodeTypeResolver
{
    public bool Resolve(NodeEvent? nodeEvent, ref Type currentType)
    {
        if (!currentType.IsGenericType)
        {
            return false;
        }

        var definition = currentType.GetGenericTypeDefinition();
        var concrete = definition == typeof(IReadOnlyList<>) ? typeof(List<>)
            : definition == typeof(IReadOnlyDictionary<,>) ? typeof(Dictionary<,>)
            : null;
        if (concrete is null)
        {
            return false;
        }

        currentType = concrete.MakeGenericType(currentType.GetGenericArguments());
        return true;
    }
}
