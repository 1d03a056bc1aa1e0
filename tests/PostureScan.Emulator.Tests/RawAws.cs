using System.Net;
using System.Text.RegularExpressions;

namespace PostureScan.Emulator.Tests;

/// <summary>Hand-made query-protocol requests, for what the SDK hides: exact bytes and malformed input.</summary>
internal static partial class RawAws
{
    public static async Task<(HttpStatusCode Status, string Body)> PostAsync(
        EmulatorHost host,
        string body,
        string service = "ec2",
        string region = "us-east-1",
        string? accessKeyId = TestWorlds.ScannerKey)
    {
        using var http = new HttpClient { BaseAddress = host.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (accessKeyId is not null)
        {
            request.Headers.TryAddWithoutValidation(
                "Authorization",
                $"AWS4-HMAC-SHA256 Credential={accessKeyId}/20260301/{region}/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00");
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The response with its random request id replaced by REQUEST-ID, as the fixtures have it.</summary>
    public static string WithoutRequestId(string body) => RequestId().Replace(body, "<$1>REQUEST-ID</$1>");

    public static string Fixture(string name) => File.ReadAllText(TestWorlds.FixturePath(name)).TrimEnd('\n');

    [GeneratedRegex("<(requestId|RequestID|RequestId)>[0-9a-f-]{36}</(?:requestId|RequestID|RequestId)>")]
    private static partial Regex RequestId();
}
