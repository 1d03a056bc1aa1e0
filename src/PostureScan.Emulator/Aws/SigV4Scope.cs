namespace PostureScan.Emulator.Aws;

/// <summary>
/// The credential scope of a SigV4 Authorization header: who signed (access key id), for which
/// region and service. The signature itself is not verified: the emulator trusts the scope.
/// </summary>
internal sealed record SigV4Scope(string AccessKeyId, string Date, string Region, string Service)
{
    private const string CredentialPrefix = "Credential=";
    private const int MaxHeaderLength = 4096;

    /// <summary>Parses "AWS4-HMAC-SHA256 Credential=AKID/yyyymmdd/REGION/SERVICE/aws4_request, ...".</summary>
    public static SigV4Scope? Parse(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization) || authorization.Length > MaxHeaderLength
            || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return null;
        }

        var start = authorization.IndexOf(CredentialPrefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += CredentialPrefix.Length;
        var end = authorization.IndexOfAny([',', ' '], start);
        var credential = end < 0 ? authorization[start..] : authorization[start..end];
        var parts = credential.Split('/');
        return parts is [var key, var date, var region, var service, "aws4_request"]
            && key.Length > 0 && region.Length > 0 && service.Length > 0
            ? new SigV4Scope(key, date, region, service)
            : null;
    }
}
