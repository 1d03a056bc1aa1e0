using Microsoft.AspNetCore.Http;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Arm;

/// <summary>One authenticated ARM call, as an operation sees it.</summary>
/// <param name="BaseUri">scheme://host:port of the request, for nextLink.</param>
internal sealed record ArmRequest(
    ArmRoute Route,
    IReadOnlyDictionary<string, string> Values,
    IQueryCollection Query,
    string Path,
    Uri BaseUri,
    ArmCaller Caller,
    AzureSubscription? Subscription,
    ArmWorldIndex Index)
{
    public string Value(string name) => Values[name];

    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>The subscription of a subscription-scoped route (the pipeline has checked it exists).</summary>
    public AzureSubscription RequiredSubscription => Subscription ?? throw new InvalidOperationException($"{Route.Operation} has no subscription.");
}
