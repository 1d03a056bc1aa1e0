using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// Google's OAuth token endpoint for service accounts (<c>POST /token</c>, the key file's token_uri):
/// the JWT-bearer grant, answered with an access token for the scopes the assertion asks for.
/// </summary>
internal sealed class TokenEndpoint(GcpWorld world, GcpAccessTokens tokens, EmulatorState state)
{
    public const string Action = "oauth2.token";
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Google accepts assertions issued up to an hour ahead and a little skew.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, GcpServiceAccount> _accounts =
        world.ServiceAccounts.ToDictionary(a => a.Email, StringComparer.OrdinalIgnoreCase);

    public async Task HandleAsync(HttpContext http)
    {
        state.Counters.RecordCall(Action);
        var (status, body) = await AnswerAsync(http.Request);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache, no-store, max-age=0, must-revalidate";
        state.Options.RequestLog?.WriteLine($"gcp POST {Action} -> {status}{(status == 200 ? "" : " " + body["error"])}");
        await http.Response.WriteAsync(body.ToJsonString(GcpJsonOutput.Indented), http.RequestAborted);
    }

    private async Task<(int Status, JsonObject Body)> AnswerAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes || !request.HasFormContentType)
        {
            return Error("invalid_request", "Expected a form body with grant_type and assertion.");
        }

        var form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { ValueLengthLimit = MaxBodyBytes }, request.HttpContext.RequestAborted);
        if (form["grant_type"] != JwtBearer)
        {
            return Error("unsupported_grant_type", "Invalid grant_type: " + Bound(form["grant_type"].ToString()));
        }

        var assertion = ServiceAccountAssertion.Parse(form["assertion"]);
        if (assertion is null)
        {
            return Error("invalid_grant", "Invalid JWT: the assertion is not a signed RS256 JWT.");
        }

        if (!_accounts.TryGetValue(assertion.Issuer, out var account))
        {
            return Error("invalid_grant", "Invalid grant: account not found");
        }

        if (account.PublicKey is { } key && !assertion.IsSignedBy(key))
        {
            return Error("invalid_grant", "Invalid JWT Signature.");
        }

        var now = state.Time.GetUtcNow();
        var issued = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(assertion.IssuedAt, 0, 253402300799));
        var expires = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(assertion.Expires, 0, 253402300799));
        if (issued > now + Skew || expires < now - Skew || expires - issued > TimeSpan.FromHours(1) + Skew)
        {
            return Error("invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.");
        }

        var scopes = assertion.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(32).ToHashSet(StringComparer.Ordinal);
        if (scopes.Count == 0)
        {
            return Error("invalid_scope", "Invalid OAuth scope or ID token audience provided.");
        }

        return (200, new JsonObject
        {
            ["access_token"] = tokens.Issue(account.Email, scopes),
            ["expires_in"] = (int)GcpAccessTokens.Lifetime.TotalSeconds - 1,
            ["token_type"] = "Bearer",
        });
    }

    private static (int, JsonObject) Error(string error, string description) =>
        (400, new JsonObject { ["error"] = error, ["error_description"] = description });

    private static string Bound(string value) => value.Length <= 100 ? value : value[..100];
}
