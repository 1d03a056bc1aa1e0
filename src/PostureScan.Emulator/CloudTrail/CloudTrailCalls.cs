using System.Text.Json;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.CloudTrail;

/// <summary>
/// The steps of a CloudTrail call, in AWS's order: refuse and count what is not served, authenticate,
/// check the region, inject the scope's faults, apply CloudTrail's own rate limit, answer.
/// </summary>
internal sealed class CloudTrailCalls(EmulatorState state, LookupRateLimit limit)
{
    private const string Served = "LookupEvents";

    private static readonly JsonError InvalidToken = JsonError.Client("UnrecognizedClientException", "The security token included in the request is invalid.");

    public async Task<(int Status, string Body, string? Code)> RunAsync(
        string operation, SigV4Scope? scope, string? sessionToken, JsonElement body, CancellationToken ct)
    {
        var counters = state.Counters;
        if (operation != Served)
        {
            var write = !ActionNames.IsWellFormed(operation) || !ActionNames.IsRead(operation);
            counters.RecordRejected(operation.Length <= 128 ? operation : operation[..128], write);
            return CloudTrailEndpoint.Error(write
                ? new JsonError(400, "AccessDeniedException", $"The emulator serves read-only operations; cloudtrail:{operation} was refused and counted.")
                : JsonError.Client("UnknownOperationException", "Unknown operation."));
        }

        counters.RecordCall(Served);
        if (scope is null)
        {
            return CloudTrailEndpoint.Error(new JsonError(400, "MissingAuthenticationTokenException", "Missing Authentication Token"));
        }

        var view = state.View;
        var caller = state.AwsCredentials.Resolve(scope.AccessKeyId, sessionToken);
        var account = caller is null ? null : view.Aws.Account(caller.Account);
        var region = account is null ? null : view.Aws.Region(account.Id, scope.Region);
        if (caller is null || account is null || region is null || !AwsOptInStatus.IsEnabled(region.OptInStatus))
        {
            return CloudTrailEndpoint.Error(InvalidToken);
        }

        counters.RecordScopeCall(account.Id, region.Name);
        var faults = view.CloudTrail.Faults(account.Id, region.Name) ?? region.Faults ?? account.Faults;
        var outcome = await state.Faults.ApplyAsync(faults, $"cloudtrail/{account.Id}/{region.Name}", ct);
        if (outcome == FaultOutcome.Throttled || (outcome == FaultOutcome.None && !limit.TryTake($"{account.Id}/{region.Name}")))
        {
            counters.RecordThrottled(account.Id, region.Name);
            return CloudTrailEndpoint.Error(JsonError.Client("ThrottlingException", "Rate exceeded"));
        }

        if (FaultError(outcome, caller.Arn) is { } error)
        {
            return CloudTrailEndpoint.Error(error);
        }

        var query = LookupQuery.Parse(body, state.Time.GetUtcNow(), out var invalid);
        if (query is not null)
        {
            counters.RecordAuditQuery(new AuditQuery("cloudtrail", $"{account.Id}/{region.Name}", query.Start, query.End));
        }

        var page = query is null ? null : LookupEvents.Page(view.CloudTrail.Events(account.Id, region.Name), query, out invalid);
        return page is null ? CloudTrailEndpoint.Error(JsonError.Client(invalid.Code, invalid.Message)) : (200, page, null);
    }

    private static JsonError? FaultError(FaultOutcome outcome, string caller) => outcome switch
    {
        FaultOutcome.AccessDenied => JsonError.Client("AccessDeniedException",
            $"User: {caller} is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action"),
        FaultOutcome.InternalError => new JsonError(500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure."),
        FaultOutcome.Unavailable => new JsonError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
        _ => null,
    };
}
