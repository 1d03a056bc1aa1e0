using System.Text;

namespace PostureScan.Cisco.Parsing;

/// <summary>Makes device text safe to keep: control characters become spaces and the length is bounded.</summary>
internal static class Printable
{
    public static string Bound(string text, int max)
    {
        var length = Math.Min(text.Length, max);
        var builder = new StringBuilder(length + 1);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }

        if (text.Length > max)
        {
            builder.Append('…');
        }

        return builder.ToString().Trim();
    }
}
