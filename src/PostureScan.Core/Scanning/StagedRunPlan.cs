using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>
/// What a staged run will collect: the scopes discovered, and the scopes already known to have failed
/// (discovery failures), which are staged as results straight away.
/// </summary>
/// <param name="Planning">
/// Discovery is still running: more scopes will be added to the plan (<see cref="IRunStaging.AddPlannedScopesAsync"/>)
/// and the run is not complete until <see cref="IRunStaging.EndPlanningAsync"/>, however many of its scopes are staged.
/// </param>
public sealed record StagedRunPlan(
    string RunId,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> Providers,
    IReadOnlyList<Scope> Scopes,
    IReadOnlyList<ScopeResult> Failures,
    bool Planning = false);
