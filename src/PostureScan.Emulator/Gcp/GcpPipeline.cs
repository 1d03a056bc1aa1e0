using Microsoft.AspNetCore.Http;
using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// The steps every GCP read goes through: count, authenticate the bearer token, check its scopes,
/// find the project, inject the scope's faults, answer.
/// </summary>
internal sealed class GcpPipeline(EmulatorState state, GcpAccessTokens tokens)
{
    public async Task ServeAsync(HttpContext http, GcpRoute route)
    {
        var values = http.Request.RouteValues;
        var project = values["project"] as string;
        var location = values["location"] as string;
        var response = await RunAsync(http, route, project, location, values["name"] as string);

        http.Response.StatusCode = response.Status;
        http.Response.ContentType = "application/json; charset=UTF-8";
        http.Response.Headers.Vary = "Origin, X-Origin, Referer";
        if (response.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        state.Options.RequestLog?.WriteLine($"gcp GET {route.Action.Name} {project ?? "-"} {location ?? "-"} -> {response.Status}{(response.Reason is { } r ? " " + r : "")}");
        await http.Response.WriteAsync(response.Body.ToJsonString(GcpJsonOutput.Indented), http.RequestAborted);
    }

    private async Task<GcpResponse> RunAsync(HttpContext http, GcpRoute route, string? projectId, string? location, string? name)
    {
        var counters = state.Counters;
        var index = state.View.Gcp;
        counters.RecordCall(route.Action.Name);

        var header = http.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        if (tokens.Resolve(bearer) is not { } caller)
        {
            return GcpErrors.Unauthenticated(bearer is not null);
        }

        if (!caller.Scopes.Overlaps(route.Action.Scopes))
        {
            return GcpErrors.InsufficientScopes();
        }

        if (projectId is null)
        {
            return route.Handler(new GcpCall(route.Action, http.Request.Query, caller, null, location, name, index));
        }

        if (index.Project(projectId) is not { } project)
        {
            return GcpErrors.NotFound($"projects/{projectId}");
        }

        // A zonal resource takes the faults of its region; the aggregated list those of the project.
        var region = route.Zonal && location?.LastIndexOf('-') is > 0 and var dash ? location[..dash] : location;
        var faults = region is null ? project.Faults : index.Region(project.Id, region)?.Faults ?? project.Faults;
        var scope = region ?? "*";
        counters.RecordScopeCall(project.Id, scope);
        var outcome = await state.Faults.ApplyAsync(faults, $"gcp/{project.Id}/{scope}", http.RequestAborted);
        switch (outcome)
        {
            case FaultOutcome.Throttled:
                counters.RecordThrottled(project.Id, scope);
                return GcpErrors.RateLimited(project.Number ?? GcpIds.ProjectNumber(project.Id));
            case FaultOutcome.AccessDenied:
                return GcpErrors.Forbidden(route.Action.Permission, $"projects/{project.Id}");
            case FaultOutcome.InternalError:
                return GcpErrors.Backend(500);
            case FaultOutcome.Unavailable:
                return GcpErrors.Backend(503);
            default:
                return route.Handler(new GcpCall(route.Action, http.Request.Query, caller, project, location, name, index));
        }
    }
}
