using System.Collections.Concurrent;
using Amazon.Runtime;

namespace PostureScan.Aws;

/// <summary>
/// The credentials of each configured account: the base credentials, or a role assumed with them
/// (assumed once and cached, refreshed before it expires). Shared by inventory and audit reads.
/// </summary>
internal sealed class AccountCredentials(AwsOptions options, AwsClientFactory clients, TimeProvider time)
{
    private readonly Lazy<AWSCredentials> baseCredentials = new(clients.BaseCredentials);
    private readonly ConcurrentDictionary<string, Lazy<Task<AWSCredentials>>> accounts = new(StringComparer.Ordinal);

    public AWSCredentials Base => baseCredentials.Value;

    /// <summary>The configured account with this id, or one reached with the base credentials.</summary>
    public AwsAccountOptions Account(string id) =>
        options.Accounts.FirstOrDefault(a => a.Id == id) ?? new AwsAccountOptions { Id = id };

    /// <summary>
    /// The account's credentials. Concurrent callers share one role assumption; a failed one is not kept,
    /// so the next read tries again.
    /// </summary>
    public async Task<AWSCredentials> ForAsync(AwsAccountOptions account)
    {
        var entry = accounts.GetOrAdd(account.Id, _ => new Lazy<Task<AWSCredentials>>(() => CreateAsync(account)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            accounts.TryRemove(new KeyValuePair<string, Lazy<Task<AWSCredentials>>>(account.Id, entry));
            throw;
        }
    }

    private async Task<AWSCredentials> CreateAsync(AwsAccountOptions account)
    {
        if (string.IsNullOrEmpty(account.RoleArn))
        {
            return baseCredentials.Value;
        }

        var credentials = new AssumedRoleCredentials(clients.CreateSts(baseCredentials.Value), account, time);
        // Assume now, so a role that cannot be assumed fails the account once, not every region.
        await credentials.GetCredentialsAsync();
        return credentials;
    }
}
