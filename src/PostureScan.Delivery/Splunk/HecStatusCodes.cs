namespace PostureScan.Delivery.Splunk;

/// <summary>
/// HEC's own status codes (the "code" of its {"text","code"} answer) with the HTTP status Splunk documents
/// for each. The text kept in a reason is ours, from this table, never the receiver's.
/// </summary>
internal static class HecStatusCodes
{
    private static readonly Dictionary<int, (int HttpStatus, string Text)> Codes = new()
    {
        [0] = (200, "Success"),
        [1] = (403, "Token disabled"),
        [2] = (401, "Token is required"),
        [3] = (401, "Invalid authorization"),
        [4] = (403, "Invalid token"),
        [5] = (400, "No data"),
        [6] = (400, "Invalid data format"),
        [7] = (400, "Incorrect index"),
        [8] = (500, "Internal server error"),
        [9] = (503, "Server is busy"),
        [10] = (400, "Data channel is missing"),
        [11] = (400, "Invalid data channel"),
        [12] = (400, "Event field is required"),
        [13] = (400, "Event field cannot be blank"),
        [14] = (400, "ACK is disabled"),
        [15] = (400, "Error in handling indexed fields"),
        [16] = (400, "Query string authorization is not enabled"),
        [17] = (200, "HEC is healthy"),
        [18] = (503, "HEC is unhealthy, queues are full"),
        [19] = (503, "HEC is unhealthy, ack service unavailable"),
        [20] = (503, "HEC is unhealthy, queues are full, ack service unavailable"),
    };

    public static bool TryGet(int code, out int httpStatus, out string text)
    {
        if (Codes.TryGetValue(code, out var entry))
        {
            (httpStatus, text) = entry;
            return true;
        }

        (httpStatus, text) = (0, "");
        return false;
    }
}
