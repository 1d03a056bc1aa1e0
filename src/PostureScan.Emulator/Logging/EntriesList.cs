using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Gcp;

namespace PostureScan.Emulator.Logging;

/// <summary>
/// Cloud Logging's entries:list: the entries of the named projects that pass the filter, in timestamp
/// order, pageSize at a time with a nextPageToken bound to the query. Authentication, OAuth scopes and the
/// project's faults as for the other Google APIs.
/// </summary>
internal sealed class EntriesList(EmulatorState state, GcpAccessTokens tokens)
{
    public const string Action = "logging.entries.list";
    private const int MaxBodyBytes = 64 * 1024;
    private const string Auth = "https://www.googleapis.com/auth/";

    private static readonly HashSet<string> Scopes = new(StringComparer.Ordinal)
    {
        Auth + "logging.read", Auth + "logging.admin", Auth + "cloud-platform", Auth + "cloud-platform.read-only",
    };

    public async Task HandleAsync(HttpContext http)
    {
        var (response, project) = await RunAsync(http);
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = "application/json; charset=UTF-8";
        if (response.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        state.Options.RequestLog?.WriteLine($"gcp POST {Action} {project ?? "-"} -> {response.Status}{(response.Reason is { } r ? " " + r : "")}");
        await http.Response.WriteAsync(response.Body.ToJsonString(), Encoding.UTF8, http.RequestAborted);
    }

    private async Task<(GcpResponse, string?)> RunAsync(HttpContext http)
    {
        state.Counters.RecordCall(Action);
        var header = http.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        if (tokens.Resolve(bearer) is not { } caller)
        {
            return (GcpErrors.Unauthenticated(bearer is not null), null);
        }

        if (!caller.Scopes.Overlaps(Scopes))
        {
            return (GcpErrors.InsufficientScopes(), null);
        }

        if (await ListRequest.ReadAsync(http.Request, MaxBodyBytes) is not { } request)
        {
            return (GcpErrors.Error(400, "badRequest", "Invalid JSON payload received.", "INVALID_ARGUMENT"), null);
        }

        if (request.Problem is { } problem)
        {
            return (GcpErrors.Error(400, "badRequest", problem, "INVALID_ARGUMENT"), null);
        }

        var entries = new List<LogEntryView>();
        var view = state.View;
        foreach (var id in request.Projects)
        {
            if (view.Gcp.Project(id) is not { } project)
            {
                return (GcpErrors.Error(403, "forbidden", $"Permission 'logging.logEntries.list' denied on resource (or it may not exist): projects/{id}", "PERMISSION_DENIED"), id);
            }

            state.Counters.RecordScopeCall(project.Id, "*");
            var outcome = await state.Faults.ApplyAsync(project.Faults, $"logging/{project.Id}", http.RequestAborted);
            switch (outcome)
            {
                case FaultOutcome.Throttled:
                    state.Counters.RecordThrottled(project.Id, "*");
                    return (GcpErrors.Error(429, "rateLimitExceeded",
                        $"Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service 'logging.googleapis.com' for consumer 'project_number:{project.Number ?? GcpIds.ProjectNumber(project.Id)}'.",
                        "RESOURCE_EXHAUSTED") with { RetryAfterSeconds = 0 }, id);
                case FaultOutcome.AccessDenied:
                    return (GcpErrors.Error(403, "forbidden", $"Permission 'logging.logEntries.list' denied on resource (or it may not exist): projects/{id}", "PERMISSION_DENIED"), id);
                case FaultOutcome.InternalError:
                    return (GcpErrors.Backend(500), id);
                case FaultOutcome.Unavailable:
                    return (GcpErrors.Backend(503), id);
            }

            var (from, to) = request.Filter.TimeRange();
            state.Counters.RecordAuditQuery(new AuditQuery("logging", project.Id, from, to));
            entries.AddRange(view.CloudLogging.Entries(project.Id).Where(request.Filter.Includes));
        }

        var ordered = request.Descending ? entries.OrderByDescending(e => e.Time).ToList() : entries.OrderBy(e => e.Time).ToList();
        var listing = request.Fingerprint;
        var offset = 0;
        if (request.PageToken is { } token && GcpPageToken.Read(token, listing) is not { } decoded)
        {
            return (GcpErrors.Error(400, "badRequest", "page_token doesn't match arguments from the request", "INVALID_ARGUMENT"), null);
        }
        else if (request.PageToken is { } valid)
        {
            offset = GcpPageToken.Read(valid, listing)!.Value;
        }

        var page = ordered.Skip(offset).Take(request.PageSize).ToList();
        var body = new JsonObject();
        if (page.Count > 0)
        {
            body["entries"] = new JsonArray([.. page.Select(e => JsonNode.Parse(e.Json, documentOptions: new JsonDocumentOptions { MaxDepth = 128 }) ?? JsonValue.Create(e.Json))]);
        }

        if (offset + page.Count < ordered.Count)
        {
            body["nextPageToken"] = GcpPageToken.Write(listing, offset + page.Count);
        }

        return (GcpResponse.Ok(body), string.Join(',', request.Projects));
    }
}
