using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using PostureScan.Emulator.Logging;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// Serves GCP on the emulator's endpoint over plain HTTP: Compute v1 under /compute/v1/, Resource
/// Manager under /v1/, and the OAuth token endpoint at /token (a key file's token_uri).
/// </summary>
internal static class GcpEndpoints
{
    private static readonly string[] AnyMethod = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    public static void MapGcp(this IEndpointRouteBuilder app, EmulatorState state)
    {
        var tokens = new GcpAccessTokens(state.Time);
        var pipeline = new GcpPipeline(state, tokens);
        var tokenEndpoint = new TokenEndpoint(state.World.Gcp, tokens, state);

        app.MapPost("/token", http => tokenEndpoint.HandleAsync(http));
        app.MapCloudLogging(state, tokens);
        foreach (var route in GcpRoutes.All)
        {
            app.MapGet(route.Pattern, http => pipeline.ServeAsync(http, route));
        }

        // The more specific GET routes above win; everything else under the APIs is refused and counted.
        app.MapMethods("/compute/v1/{**path}", AnyMethod, http => GcpRefusals.HandleAsync(http, "compute", state));
        app.MapMethods("/v1/{**path}", AnyMethod, http => GcpRefusals.HandleAsync(http, "cloudresourcemanager", state));
    }
}
