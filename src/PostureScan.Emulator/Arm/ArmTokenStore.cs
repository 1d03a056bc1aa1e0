using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PostureScan.Emulator.Arm;

/// <summary>Bearer tokens the token endpoint issued, and whom each one stands for until it expires.</summary>
internal sealed class ArmTokenStore(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (ArmCaller Caller, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public string Issue(ArmCaller caller)
    {
        // Opaque on purpose: clients must not parse access tokens, and nothing here verifies a signature.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_');
        _tokens[token] = (caller, time.GetUtcNow().Add(Lifetime));
        return token;
    }

    /// <summary>The caller, or null with whether the token was known but expired.</summary>
    public (ArmCaller? Caller, bool Expired) Resolve(string token)
    {
        if (!_tokens.TryGetValue(token, out var entry))
        {
            return (null, false);
        }

        return entry.Expires > time.GetUtcNow() ? (entry.Caller, false) : (null, true);
    }
}
