using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace PostureScan.Aws;

/// <summary>
/// Credentials of a role assumed through an STS client we configure ourselves, so that the same
/// endpoint override and retry policy apply to STS as to EC2. Refreshed before they expire.
/// </summary>
internal sealed class AssumedRoleCredentials(IAmazonSecurityTokenService sts, AwsAccountOptions account, TimeProvider time)
    : RefreshingAWSCredentials
{
    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = account.RoleArn,
            RoleSessionName = account.RoleSessionName,
            ExternalId = string.IsNullOrEmpty(account.ExternalId) ? null : account.ExternalId,
            DurationSeconds = 3600,
        });
        var c = response.Credentials;
        var expires = c.Expiration ?? time.GetUtcNow().UtcDateTime.AddMinutes(15);
        return new CredentialsRefreshState(
            new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken),
            DateTime.SpecifyKind(expires, DateTimeKind.Utc));
    }
}
