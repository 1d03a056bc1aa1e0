namespace PostureScan.Core.Audit.Normalising;

/// <summary>google.rpc.Code numbers, as GCP audit logs write them in protoPayload.status.code.</summary>
internal static class GrpcStatusNames
{
    private static readonly Dictionary<string, string> Table = new()
    {
        ["1"] = "CANCELLED",
        ["2"] = "UNKNOWN",
        ["3"] = "INVALID_ARGUMENT",
        ["4"] = "DEADLINE_EXCEEDED",
        ["5"] = "NOT_FOUND",
        ["6"] = "ALREADY_EXISTS",
        ["7"] = "PERMISSION_DENIED",
        ["8"] = "RESOURCE_EXHAUSTED",
        ["9"] = "FAILED_PRECONDITION",
        ["10"] = "ABORTED",
        ["11"] = "OUT_OF_RANGE",
        ["12"] = "UNIMPLEMENTED",
        ["13"] = "INTERNAL",
        ["14"] = "UNAVAILABLE",
        ["15"] = "DATA_LOSS",
        ["16"] = "UNAUTHENTICATED",
    };

    /// <summary>"7" becomes "7 PERMISSION_DENIED"; unknown codes stay as they are.</summary>
    public static string Describe(string code) => Table.TryGetValue(code, out var name) ? $"{code} {name}" : code;
}
