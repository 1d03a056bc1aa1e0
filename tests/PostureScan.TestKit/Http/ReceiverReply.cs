namespace PostureScan.TestKit.Http;

/// <summary>
/// What a <see cref="RecordingReceiver"/> answers to one request. <see cref="AbortConnection"/> drops the
/// connection without an answer, so the client sees a transport failure after the request was received.
/// </summary>
public sealed record ReceiverReply(
    int StatusCode,
    string Body = "",
    string ContentType = "text/plain",
    IReadOnlyDictionary<string, string>? Headers = null,
    bool AbortConnection = false)
{
    public static ReceiverReply Ok(string body = "ok") => new(200, body);

    public static ReceiverReply Json(int statusCode, string json) => new(statusCode, json, "application/json");

    public static ReceiverReply Status(int statusCode) => new(statusCode, $"status {statusCode}");

    /// <summary>A 429 (or another status) with a Retry-After in seconds or as an HTTP date, verbatim.</summary>
    public static ReceiverReply RetryAfter(string retryAfter, int statusCode = 429) =>
        new(statusCode, "slow down", Headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Retry-After"] = retryAfter });

    public static ReceiverReply Abort() => new(0, AbortConnection: true);
}
