using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Aws;

/// <summary>
/// The steps every query-protocol call goes through, in the order AWS applies them: refuse and
/// count what is not served, authenticate, check the region, inject faults, honour DryRun, answer.
/// </summary>
internal sealed class QueryPipeline(EmulatorState state)
{
    public async Task<(QueryResult Result, string RequestId)> RunAsync(
        QueryService service,
        QueryParameters parameters,
        SigV4Scope? scope,
        string? sessionToken,
        CancellationToken ct)
    {
        var requestId = Guid.NewGuid().ToString();
        var result = await RunCoreAsync(service, parameters, scope, sessionToken, requestId, ct);
        return (result, requestId);
    }

    private async Task<QueryResult> RunCoreAsync(
        QueryService service,
        QueryParameters parameters,
        SigV4Scope? scope,
        string? sessionToken,
        string requestId,
        CancellationToken ct)
    {
        var action = parameters["Action"] ?? "";
        if (!ActionNames.IsWellFormed(action))
        {
            return QueryResult.Fail(400, "InvalidAction", "The action or operation requested is invalid.");
        }

        var counters = state.Counters;
        if (!service.Actions.TryGetValue(action, out var handler))
        {
            var isWrite = !ActionNames.IsRead(action);
            counters.RecordRejected(action, isWrite);
            return service.Error(isWrite ? AwsErrorKind.WriteRejected : AwsErrorKind.UnknownAction, action);
        }

        counters.RecordCall(action);
        if (scope is null)
        {
            return service.Error(AwsErrorKind.MissingAuthentication, action);
        }

        var caller = state.AwsCredentials.Resolve(scope.AccessKeyId, sessionToken);
        var account = caller is null ? null : state.AwsIndex.Account(caller.Account);
        if (caller is null || account is null)
        {
            return service.Error(AwsErrorKind.UnknownAccessKey, action);
        }

        var region = state.AwsIndex.Region(account.Id, scope.Region);
        if (service.Regional && (region is null || !AwsOptInStatus.IsEnabled(region.OptInStatus)))
        {
            return service.Error(AwsErrorKind.RegionNotEnabled, action, caller.Arn);
        }

        if (service.Regional && region is not null)
        {
            counters.RecordScopeCall(account.Id, region.Name);
            var outcome = await state.Faults.ApplyAsync(region.Faults ?? account.Faults, $"{account.Id}/{region.Name}", ct);
            if (outcome == FaultOutcome.Throttled)
            {
                counters.RecordThrottled(account.Id, region.Name);
            }

            if (FaultError(outcome) is { } kind)
            {
                return service.Error(kind, action, caller.Arn);
            }
        }

        if (service.SupportsDryRun && parameters.IsTrue("DryRun"))
        {
            return QueryResult.Fail(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
        }

        var call = new QueryCall(action, parameters, caller, account, scope.Region, region, requestId, state);
        return handler(call);
    }

    private static AwsErrorKind? FaultError(FaultOutcome outcome) => outcome switch
    {
        FaultOutcome.Throttled => AwsErrorKind.Throttled,
        FaultOutcome.AccessDenied => AwsErrorKind.AccessDenied,
        FaultOutcome.InternalError => AwsErrorKind.InternalError,
        FaultOutcome.Unavailable => AwsErrorKind.Unavailable,
        _ => null,
    };
}
