namespace PostureScan.TestKit;

/// <summary>
/// Strings an adversary can put in a tag, a name or a log field: quotes, SQL and markup injection,
/// CSV formulas, control characters, right-to-left overrides, astral code points and sheer size.
/// </summary>
public static class Hostile
{
    public static IReadOnlyList<string> Strings { get; } =
    [
        "O'Brien said \"hi\" `there`",
        "'; DROP TABLE mirror_sessions; --",
        "\"); DELETE FROM scan_runs; --",
        "Robert'); DROP TABLE scan_runs;--",
        "<script>alert('x')</script>&amp;",
        "=HYPERLINK(\"x\",\"y\")",
        "+cmd|' /C calc'!A0",
        "Ünïcødé 🚨 中文 עברית \u202Eevil\u202C",
        "line1\r\nline2\tcol\u0007bell",
        "nul\u0000inside",
        "back\\slash %s {0} $(whoami) ${HOME}",
        "   ",
        "",
    ];

    /// <summary>A string of <paramref name="length"/> characters, mixing ASCII, quotes and multi-byte text.</summary>
    public static string Large(int length = 100 * 1024)
    {
        const string Unit = "x'\"é🚨;";
        var builder = new System.Text.StringBuilder(length + Unit.Length);
        while (builder.Length < length)
        {
            builder.Append(Unit);
        }

        return builder.ToString(0, length - (char.IsHighSurrogate(builder[length - 1]) ? 1 : 0));
    }

    /// <summary>Every hostile string as a tag value, a few as keys too, and one 100 KB value.</summary>
    public static Dictionary<string, string> Tags()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Strings.Count; i++)
        {
            tags[$"tag{i}"] = Strings[i];
        }

        tags["'; DROP TABLE scan_runs; --"] = "key is hostile";
        tags["🚨 \"quoted key\""] = "unicode key";
        tags["large"] = Large();
        return tags;
    }
}
