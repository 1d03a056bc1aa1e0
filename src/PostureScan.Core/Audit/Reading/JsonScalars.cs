using System.Buffers;

namespace PostureScan.Core.Audit.Reading;

/// <summary>Validates the JSON literals and numbers that <see cref="JsonValueScanner"/> meets.</summary>
internal static class JsonScalars
{
    private static readonly SearchValues<byte> NumberChars = SearchValues.Create("0123456789+-.eE"u8);

    /// <summary>The length of true, false, null or a number; 0 when the data may end inside it, -1 when invalid.</summary>
    public static int Length(ReadOnlySpan<byte> data, bool complete)
    {
        switch (data[0])
        {
            case (byte)'t':
                return LiteralLength(data, "true"u8);
            case (byte)'f':
                return LiteralLength(data, "false"u8);
            case (byte)'n':
                return LiteralLength(data, "null"u8);
        }

        var length = data.IndexOfAnyExcept(NumberChars);
        if (length < 0)
        {
            if (!complete)
            {
                return 0;
            }

            length = data.Length;
        }

        return length > 0 && IsNumber(data[..length]) ? length : -1;
    }

    private static int LiteralLength(ReadOnlySpan<byte> data, ReadOnlySpan<byte> literal)
    {
        if (data.Length < literal.Length)
        {
            return literal[..data.Length].SequenceEqual(data) ? 0 : -1;
        }

        return data[..literal.Length].SequenceEqual(literal) ? literal.Length : -1;
    }

    /// <summary>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static bool IsNumber(ReadOnlySpan<byte> n)
    {
        var i = n[0] == (byte)'-' ? 1 : 0;
        var digits = Digits(n, ref i);
        if (digits == 0 || (digits > 1 && n[i - digits] == (byte)'0'))
        {
            return false;
        }

        if (i < n.Length && n[i] == (byte)'.')
        {
            i++;
            if (Digits(n, ref i) == 0)
            {
                return false;
            }
        }

        if (i < n.Length && n[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < n.Length && n[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (Digits(n, ref i) == 0)
            {
                return false;
            }
        }

        return i == n.Length;
    }

    private static int Digits(ReadOnlySpan<byte> n, ref int i)
    {
        var start = i;
        while (i < n.Length && n[i] - (byte)'0' is >= 0 and <= 9)
        {
            i++;
        }

        return i - start;
    }
}
