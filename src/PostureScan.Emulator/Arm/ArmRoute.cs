namespace PostureScan.Emulator.Arm;

/// <summary>
/// One ARM path template, e.g. "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/...",
/// with the operation it serves and the permission a caller needs (shown when it is refused).
/// Literal segments match case-insensitively, as ARM matches them.
/// </summary>
internal sealed record ArmRoute(string Template, string Operation, string Permission, ArmApi Api, ArmOperation Handler)
{
    private readonly string[] _segments = Template.Split('/');

    /// <summary>The template's variables bound to the path's segments, or null when the path does not match.</summary>
    public IReadOnlyDictionary<string, string>? Match(IReadOnlyList<string> path)
    {
        if (path.Count != _segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment.StartsWith('{'))
            {
                values[segment[1..^1]] = path[i];
            }
            else if (!segment.Equals(path[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return values;
    }
}
