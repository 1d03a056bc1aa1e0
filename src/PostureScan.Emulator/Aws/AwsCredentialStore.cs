using System.Collections.Concurrent;
using System.Security.Cryptography;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Aws;

/// <summary>
/// Maps access key ids to callers: the world's long-term keys, and the temporary keys that
/// AssumeRole issued (which also require their session token).
/// </summary>
internal sealed class AwsCredentialStore
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private readonly Dictionary<string, AwsCaller> _longTerm;
    private readonly ConcurrentDictionary<string, IssuedCredential> _temporary = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public AwsCredentialStore(AwsWorld world, TimeProvider time)
    {
        _time = time;
        _longTerm = world.Credentials.ToDictionary(
            c => c.AccessKeyId,
            c => new AwsCaller(c.AccessKeyId, c.Account, $"arn:aws:iam::{c.Account}:user/{c.UserName}", "AIDA" + Derive(c.AccessKeyId, 17)),
            StringComparer.Ordinal);
    }

    /// <summary>The caller for a key, or null when the key is unknown, or temporary with a wrong or missing token, or expired.</summary>
    public AwsCaller? Resolve(string accessKeyId, string? sessionToken)
    {
        if (_longTerm.TryGetValue(accessKeyId, out var caller))
        {
            return caller;
        }

        return _temporary.TryGetValue(accessKeyId, out var issued)
            && string.Equals(issued.SessionToken, sessionToken, StringComparison.Ordinal)
            && issued.Expiration > _time.GetUtcNow()
            ? issued.Caller
            : null;
    }

    public IssuedCredential Issue(string account, string roleName, string sessionName, TimeSpan duration)
    {
        var accessKeyId = "ASIA" + RandomString(16);
        var roleId = "AROA" + Derive(account + ":" + roleName, 17);
        var caller = new AwsCaller(
            accessKeyId,
            account,
            $"arn:aws:sts::{account}:assumed-role/{roleName}/{sessionName}",
            $"{roleId}:{sessionName}");
        var issued = new IssuedCredential(
            caller,
            RandomString(40),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)),
            _time.GetUtcNow().Add(duration));
        _temporary[accessKeyId] = issued;
        return issued;
    }

    private static string RandomString(int length) => RandomNumberGenerator.GetString(KeyAlphabet, length);

    /// <summary>A stable id part from a name, so a principal keeps its id across runs.</summary>
    private static string Derive(string name, int length)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        return string.Create(length, hash, (span, bytes) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = KeyAlphabet[bytes[i] % KeyAlphabet.Length];
            }
        });
    }
}
