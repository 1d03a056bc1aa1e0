using Microsoft.AspNetCore.Http;
using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Arm;

/// <summary>
/// The steps of every ARM call, in the order ARM applies them: refuse and count anything but GET,
/// find the operation, authenticate the bearer token, check the api-version, check the subscription
/// and its tenant, inject the subscription's faults, answer.
/// </summary>
internal sealed class ArmPipeline(EmulatorState state)
{
    private const int MaxPathLength = 2048;
    private const int MaxSegments = 16;

    public async Task<(ArmResult Result, string Operation, string? Subscription)> RunAsync(HttpRequest http, CancellationToken ct)
    {
        var path = http.Path.Value ?? "";
        var segments = path.Length <= MaxPathLength ? path.Trim('/').Split('/') : [];
        var match = segments.Length is > 0 and <= MaxSegments
            ? ArmRoutes.All.Select(r => (Route: r, Values: r.Match(segments))).FirstOrDefault(m => m.Values is not null)
            : default;
        var operation = match.Route?.Operation ?? "unknown";
        var counters = state.Counters;

        if (!HttpMethods.IsGet(http.Method))
        {
            // Counted before anything else, so even an unsigned write attempt is on the record.
            counters.RecordRejected($"{http.Method} {operation}", isWrite: !HttpMethods.IsHead(http.Method) && !HttpMethods.IsOptions(http.Method));
            return (ArmErrors.WriteRejected(http.Method, path), operation, null);
        }

        if (match.Route is not { } route || match.Values is not { } values)
        {
            counters.RecordRejected("GET unknown", isWrite: false);
            return (ArmErrors.InvalidResourceType(path), operation, null);
        }

        counters.RecordCall(route.Operation);
        var caller = Authenticate(http.Headers.Authorization.ToString(), out var authError);
        if (caller is null)
        {
            return (authError!, operation, null);
        }

        if (ArmApiVersions.Check(route, http.Query["api-version"].FirstOrDefault()) is { } versionError)
        {
            return (versionError, operation, null);
        }

        var subscription = values.TryGetValue("subscriptionId", out var subscriptionId) ? state.ArmIndex.Subscription(subscriptionId) : null;
        if (subscriptionId is not null)
        {
            if (subscription is null)
            {
                return (ArmErrors.SubscriptionNotFound(subscriptionId), operation, null);
            }

            if (!subscription.TenantId.Equals(caller.TenantId, StringComparison.OrdinalIgnoreCase))
            {
                return (ArmErrors.WrongTenant(caller.TenantId, subscription.TenantId), operation, subscription.Id);
            }

            counters.RecordScopeCall(subscription.Id, ArmScope);
            var faults = subscription.Faults;
            var outcome = await state.Faults.ApplyAsync(faults, $"azure/{subscription.Id}", ct);
            ArmResult? fault = outcome switch
            {
                FaultOutcome.Throttled => new ArmResult(null, ArmErrors.Throttled(subscription.Id, caller, faults!.RetryAfterSeconds), faults.RetryAfterSeconds),
                FaultOutcome.AccessDenied => ArmErrors.AuthorizationFailed(caller, route.Permission, ArmIds.Subscription(subscription.Id)),
                FaultOutcome.InternalError => ArmErrors.InternalError(),
                FaultOutcome.Unavailable => ArmErrors.Unavailable(),
                _ => null,
            };
            if (outcome == FaultOutcome.Throttled)
            {
                counters.RecordThrottled(subscription.Id, ArmScope);
            }

            if (fault is not null)
            {
                return (fault, operation, subscription.Id);
            }
        }

        var baseUri = new Uri($"{http.Scheme}://{http.Host}/");
        var request = new ArmRequest(route, values, http.Query, path, baseUri, caller, subscription, state.ArmIndex);
        return (route.Handler(request), operation, subscription?.Id);
    }

    /// <summary>The region part of the counters' scope key: ARM calls are per subscription, in no region.</summary>
    public const string ArmScope = "global";

    private ArmCaller? Authenticate(string authorization, out ArmError? error)
    {
        error = null;
        const string bearer = "Bearer ";
        if (!authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            error = ArmErrors.MissingToken();
            return null;
        }

        var (caller, expired) = state.ArmTokens.Resolve(authorization[bearer.Length..].Trim());
        if (caller is null)
        {
            error = expired ? ArmErrors.ExpiredToken() : ArmErrors.InvalidToken();
        }

        return caller;
    }
}
