using System.Globalization;
using System.Text.RegularExpressions;
using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Sts;

/// <summary>
/// AssumeRole: issues temporary keys (ASIA...) for a role the world lists, when the external id
/// matches the one the role requires. The keys then act in the role's account.
/// </summary>
internal static partial class AssumeRole
{
    private const int DefaultDurationSeconds = 3600;

    public static QueryResult Handle(QueryCall call)
    {
        var p = call.Parameters;
        var roleArn = p["RoleArn"] ?? "";
        var sessionName = p["RoleSessionName"] ?? "";
        if (!SessionName().IsMatch(sessionName))
        {
            return Validation("1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]{2,64}");
        }

        if (!p.TryGetInt("DurationSeconds", out var duration) || duration is < 900 or > 43200)
        {
            return Validation("1 validation error detected: Value at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
        }

        var match = RoleArn().Match(roleArn);
        var account = match.Success ? call.State.AwsIndex.Account(match.Groups["account"].Value) : null;
        var roleName = match.Success ? match.Groups["name"].Value : "";
        var role = account?.Roles.FirstOrDefault(r => r.Name == roleName);
        if (account is null || role is null || (role.ExternalId is { } required && p["ExternalId"] != required))
        {
            var shownArn = roleArn.Length <= 256 ? roleArn : roleArn[..256];
            return QueryResult.Fail(403, "AccessDenied", $"User: {call.Caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {shownArn}");
        }

        var issued = call.State.AwsCredentials.Issue(account.Id, role.Name, sessionName, TimeSpan.FromSeconds(duration ?? DefaultDurationSeconds));
        return QueryXml.Response(call, StsService.Namespace, w =>
        {
            w.WriteStartElement("AssumedRoleUser");
            w.WriteElementString("AssumedRoleId", issued.Caller.UserId);
            w.WriteElementString("Arn", issued.Caller.Arn);
            w.WriteEndElement();
            w.WriteStartElement("Credentials");
            w.WriteElementString("AccessKeyId", issued.Caller.AccessKeyId);
            w.WriteElementString("SecretAccessKey", issued.SecretAccessKey);
            w.WriteElementString("SessionToken", issued.SessionToken);
            w.WriteElementString("Expiration", issued.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteEndElement();
        });
    }

    private static QueryResult Validation(string message) => QueryResult.Fail(400, "ValidationError", message);

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionName();

    /// <summary>arn:aws:iam::ACCOUNT:role/[path/]NAME; the name is the last path segment.</summary>
    [GeneratedRegex(@"^arn:aws:iam::(?<account>[0-9]{12}):role/(?:[\w+=,.@-]+/)*(?<name>[\w+=,.@-]{1,64})$")]
    private static partial Regex RoleArn();
}
