namespace PostureScan.Emulator.Aws;

/// <summary>What an action handler produced: a success body or an error.</summary>
internal sealed record QueryResult(string? Body, AwsError? Error)
{
    public static QueryResult Ok(string body) => new(body, null);

    public static QueryResult Fail(int status, string code, string message) => new(null, new AwsError(status, code, message));

    public static implicit operator QueryResult(AwsError error) => new(null, error);
}
