using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace PostureScan.Emulator.Arm;

/// <summary>
/// The Entra ID v2.0 token endpoint for the client credentials flow: POST /{tenant}/oauth2/v2.0/token
/// with client_id and client_secret. It issues opaque bearer tokens that the ARM routes accept.
/// Signing in changes nothing in a cloud, so it is served and counted as a call, not as a write.
/// </summary>
internal static class TokenEndpoint
{
    public const string Operation = "Token";
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task HandleAsync(HttpContext http, EmulatorState state)
    {
        state.Counters.RecordCall(Operation);
        var tenantId = http.GetRouteValue("tenant") as string ?? "";
        var form = await ReadFormAsync(http.Request, http.RequestAborted);
        var (status, body) = form is null
            ? (400, Error("invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'."))
            : Issue(state, tenantId, form);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store, no-cache";
        state.Options.RequestLog?.WriteLine($"identity POST token {tenantId} -> {status}");
        await http.Response.WriteAsync(body, Encoding.UTF8, http.RequestAborted);
    }

    private static (int Status, string Body) Issue(EmulatorState state, string tenantId, Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("grant_type") != "client_credentials")
        {
            return (400, Error("unsupported_grant_type", 70003, "The app requested an unsupported grant type. The emulator serves client_credentials only."));
        }

        var clientId = form.GetValueOrDefault("client_id") ?? "";
        var found = state.ArmIndex.Application(clientId);
        if (!Guid.TryParse(tenantId, out _) || !state.World.Azure.Tenants.Any(t => t.Id.Equals(tenantId, StringComparison.OrdinalIgnoreCase)))
        {
            return (400, Error("invalid_request", 90002, $"Tenant '{Cut(tenantId)}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."));
        }

        if (found is not { } entry || !entry.Tenant.Id.Equals(tenantId, StringComparison.OrdinalIgnoreCase))
        {
            return (400, Error("unauthorized_client", 700016,
                $"Application with identifier '{Cut(clientId)}' was not found in the directory '{tenantId}'."));
        }

        if (!string.Equals(form.GetValueOrDefault("client_secret"), entry.Application.ClientSecret, StringComparison.Ordinal))
        {
            return (401, Error("invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + entry.Application.ClientId + "'."));
        }

        var caller = new ArmCaller(entry.Tenant.Id, entry.Application.ClientId,
            entry.Application.ObjectId ?? ArmIds.StableGuid("sp:" + entry.Application.ClientId).ToString());
        var token = state.ArmTokens.Issue(caller);
        var seconds = (int)ArmTokenStore.Lifetime.TotalSeconds - 1;
        return (200, ArmJson.Document(w =>
        {
            w.WriteStartObject();
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", seconds);
            w.WriteNumber("ext_expires_in", seconds);
            w.WriteString("access_token", token);
            w.WriteEndObject();
        }));
    }

    private static string Error(string error, int code, string description) => ArmJson.Document(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        w.WriteString("error_description", string.Create(CultureInfo.InvariantCulture, $"AADSTS{code}: {description}"));
        w.WriteStartArray("error_codes");
        w.WriteNumberValue(code);
        w.WriteEndArray();
        w.WriteString("trace_id", Guid.NewGuid().ToString());
        w.WriteString("correlation_id", Guid.NewGuid().ToString());
        w.WriteEndObject();
    });

    private static async Task<Dictionary<string, string>?> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var parsed = QueryHelpers.ParseNullableQuery(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        return parsed?.ToDictionary(p => p.Key, p => p.Value.FirstOrDefault() ?? "", StringComparer.Ordinal) ?? [];
    }

    private static string Cut(string value) => value.Length <= 100 ? value : value[..100];
}
