using System.Runtime.CompilerServices;
namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// Skips a JSON value too large to hold (a 50 MB string, a runaway array) by counting brackets
/// outside strings, byte by byte through the window, without keeping what it has passed. It does
/// not validate: the value is reported malformed anyway.
/// </summary>
internal static class OversizeSkipper
{
    /// <summary>Returns the offset just past the value starting at <paramref name="start"/>, or null when the input ends first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the slow first JIT tier
    public static long? Skip(ByteWindow window, long start)
    {
        var depth = 0;
        var inString = false;
        var escaped = false;
        var position = start;
        while (true)
        {
            if (position >= window.End && !window.Fill(position))
            {
                return null;
            }

            var span = window.From(position);
            for (var i = 0; i < span.Length; i++)
            {
                var b = span[i];
                if (inString)
                {
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (b == (byte)'\\')
                    {
                        escaped = true;
                    }
                    else if (b == (byte)'"')
                    {
                        inString = false;
                        if (depth == 0)
                        {
                            return position + i + 1;
                        }
                    }

                    continue;
                }

                switch (b)
                {
                    case (byte)'"':
                        inString = true;
                        break;
                    case (byte)'{' or (byte)'[':
                        depth++;
                        break;
                    case (byte)'}' or (byte)']':
                        depth--;
                        if (depth <= 0)
                        {
                            return position + i + 1;
                        }

                        break;
                    case (byte)',' or (byte)'\n' when depth == 0:
                        return position + i;
                }
            }

            position += span.Length;
        }
    }
}
