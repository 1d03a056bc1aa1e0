using System.Collections.Frozen;

namespace PostureScan.Cisco.Parsing;

/// <summary>Session type names: config <c>type</c> keywords, show output <c>Type</c> values, and our own names.</summary>
internal static class SessionKinds
{
    public static FrozenDictionary<string, SessionKind> ByDeviceName { get; } = new Dictionary<string, SessionKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["local"] = SessionKind.Local,
        ["local session"] = SessionKind.Local,
        ["rspan-source"] = SessionKind.RspanSource,
        ["remote source session"] = SessionKind.RspanSource,
        ["rspan-destination"] = SessionKind.RspanDestination,
        ["remote destination session"] = SessionKind.RspanDestination,
        ["erspan-source"] = SessionKind.ErspanSource,
        ["erspan source session"] = SessionKind.ErspanSource,
        ["erspan-destination"] = SessionKind.ErspanDestination,
        ["erspan destination session"] = SessionKind.ErspanDestination,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static FrozenDictionary<SessionKind, string> Names { get; } = new Dictionary<SessionKind, string>
    {
        [SessionKind.Unknown] = "unknown",
        [SessionKind.Local] = "local",
        [SessionKind.RspanSource] = "rspan-source",
        [SessionKind.RspanDestination] = "rspan-destination",
        [SessionKind.ErspanSource] = "erspan-source",
        [SessionKind.ErspanDestination] = "erspan-destination",
    }.ToFrozenDictionary();
}
