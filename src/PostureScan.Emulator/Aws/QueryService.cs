namespace PostureScan.Emulator.Aws;

/// <summary>
/// One AWS service spoken in the query protocol: its SigV4 signing name, the actions it serves,
/// how it names the common errors and how it wraps an error on the wire.
/// </summary>
internal sealed record QueryService(
    string SigningName,
    IReadOnlyDictionary<string, QueryAction> Actions,
    IReadOnlyDictionary<AwsErrorKind, AwsError> Errors,
    Func<AwsError, string, string> WriteError,
    bool Regional,
    bool SupportsDryRun)
{
    /// <summary>A common error, its message filled with the action and the caller.</summary>
    public AwsError Error(AwsErrorKind kind, string action, string? callerArn = null)
    {
        var template = Errors[kind];
        var message = template.Message
            .Replace("{service}", SigningName, StringComparison.Ordinal)
            .Replace("{action}", action, StringComparison.Ordinal)
            .Replace("{caller}", callerArn ?? "anonymous", StringComparison.Ordinal);
        return template with { Message = message };
    }
}
