using System.Runtime.CompilerServices;
using System.Text.Json;
using PostureScan.Core.Audit.Matching;

namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// Scans one complete JSON value with <see cref="Utf8JsonReader"/> (validating it, allocating
/// nothing) and, on the way, reads the event name fields of a record, so that only records whose
/// name is of interest are ever parsed into objects.
/// </summary>
internal static class JsonValueScanner
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the slow first JIT tier
    public static ValueScan Scan(ReadOnlySpan<byte> data, bool isFinalBlock, EventNameMatcher matcher, int maxDepth)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock, new JsonReaderState(new JsonReaderOptions { MaxDepth = maxDepth }));
        var isObject = false;
        var hasName = false;
        var candidate = false;
        var pending = ProbeKey.None;
        var container = ProbeKey.None;
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pending = depth switch
                        {
                            1 => TopLevelKey(ref reader),
                            2 when container != ProbeKey.None => NestedKey(ref reader, container),
                            _ => ProbeKey.None,
                        };
                        break;
                    case JsonTokenType.String:
                        if (pending is ProbeKey.Name or ProbeKey.OperationName)
                        {
                            hasName = true;
                            candidate |= NameMatches(ref reader, matcher);
                        }

                        pending = ProbeKey.None;
                        break;
                    case JsonTokenType.StartObject:
                        if (depth == 0)
                        {
                            isObject = true;
                        }
                        else if (depth == 1)
                        {
                            container = pending;
                        }

                        pending = ProbeKey.None;
                        break;
                    case JsonTokenType.EndObject:
                        if (depth == 1)
                        {
                            container = ProbeKey.None;
                        }

                        break;
                    default:
                        pending = ProbeKey.None;
                        break;
                }

                if (depth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    return new ValueScan(ScanStatus.Complete, (int)reader.BytesConsumed, isObject, hasName, candidate, null);
                }
            }
        }
        catch (JsonException e)
        {
            return ValueScan.Invalid((int)reader.BytesConsumed, e.Message);
        }

        return isFinalBlock ? ValueScan.Invalid((int)reader.BytesConsumed, "unexpected end of input") : ValueScan.NeedMore;
    }

    private static ProbeKey TopLevelKey(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("eventName"u8) || reader.ValueTextEquals("EventName"u8))
        {
            return ProbeKey.Name;
        }

        if (reader.ValueTextEquals("operationName"u8))
        {
            return ProbeKey.OperationName;
        }

        return reader.ValueTextEquals("protoPayload"u8) ? ProbeKey.ProtoPayload : ProbeKey.None;
    }

    private static ProbeKey NestedKey(ref Utf8JsonReader reader, ProbeKey container) => container switch
    {
        ProbeKey.OperationName when reader.ValueTextEquals("value"u8) => ProbeKey.Name,
        ProbeKey.ProtoPayload when reader.ValueTextEquals("methodName"u8) => ProbeKey.Name,
        _ => ProbeKey.None,
    };

    private static bool NameMatches(ref Utf8JsonReader reader, EventNameMatcher matcher)
    {
        if (matcher.MatchesEverything)
        {
            return true;
        }

        if (!reader.ValueIsEscaped)
        {
            return matcher.MatchesUtf8(reader.ValueSpan);
        }

        // Escaped names are rare; unescape them so "\u0054rafficMirror" cannot hide from the match.
        var chars = new char[reader.ValueSpan.Length];
        var count = reader.CopyString(chars);
        return matcher.Matches(chars.AsSpan(0, count));
    }
}
