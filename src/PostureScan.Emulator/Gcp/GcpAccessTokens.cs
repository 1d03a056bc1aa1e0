using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PostureScan.Emulator.Gcp;

/// <summary>Access tokens the token endpoint issued, and whom they belong to until they expire.</summary>
internal sealed class GcpAccessTokens(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private readonly ConcurrentDictionary<string, GcpCaller> _issued = new(StringComparer.Ordinal);

    public string Issue(string email, IReadOnlySet<string> scopes)
    {
        // Google's access tokens start "ya29."; the rest is opaque.
        var token = "ya29.emu-" + RandomNumberGenerator.GetString(Alphabet, 64);
        _issued[token] = new GcpCaller(email, scopes, time.GetUtcNow().Add(Lifetime));
        return token;
    }

    /// <summary>The caller of a bearer token, or null when the token is unknown or expired.</summary>
    public GcpCaller? Resolve(string? token) =>
        token is not null && _issued.TryGetValue(token, out var caller) && caller.Expires > time.GetUtcNow() ? caller : null;
}
