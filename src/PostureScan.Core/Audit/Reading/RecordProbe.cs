using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Serialization;

namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// Recognises the record fields that hold an event name while a record is scanned: eventName,
/// EventName (LookupEvents), operationName (a string, or an object with value) and
/// protoPayload.methodName.
/// </summary>
internal static class RecordProbe
{
    public static ProbeKey TopLevelKey(ReadOnlySpan<byte> key, bool escaped)
    {
        if (escaped)
        {
            return TopLevelKey(Unescape(key), false);
        }

        return key.Length > 0 && key[0] is (byte)'e' or (byte)'E' or (byte)'o' or (byte)'p'
            ? key switch
            {
                _ when key.SequenceEqual("eventName"u8) || key.SequenceEqual("EventName"u8) => ProbeKey.Name,
                _ when key.SequenceEqual("operationName"u8) => ProbeKey.OperationName,
                _ when key.SequenceEqual("protoPayload"u8) => ProbeKey.ProtoPayload,
                _ => ProbeKey.None,
            }
            : ProbeKey.None;
    }

    public static ProbeKey NestedKey(ReadOnlySpan<byte> key, bool escaped, ProbeKey container)
    {
        if (escaped)
        {
            return NestedKey(Unescape(key), false, container);
        }

        return container switch
        {
            ProbeKey.OperationName when key.SequenceEqual("value"u8) => ProbeKey.Name,
            ProbeKey.ProtoPayload when key.SequenceEqual("methodName"u8) => ProbeKey.Name,
            _ => ProbeKey.None,
        };
    }

    public static bool NameMatches(ReadOnlySpan<byte> quoted, bool escaped, EventNameMatcher matcher) =>
        matcher.MatchesEverything || (escaped ? matcher.MatchesUtf8(Unescape(quoted[1..^1])) : matcher.MatchesUtf8(quoted[1..^1]));

    /// <summary>Unescapes string content (rare in names and keys) so "\u0054rafficMirror" cannot hide from the match.</summary>
    private static byte[] Unescape(ReadOnlySpan<byte> content) => System.Text.Encoding.UTF8.GetBytes(TolerantJson.Unescape(content));
}
