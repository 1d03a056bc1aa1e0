namespace PostureScan.Core.Scanning;

/// <summary>
/// How far a staged run is: how many planned scopes have a staged result, and whether discovery is still adding
/// scopes to the plan.
/// </summary>
public sealed record StagingProgress(string RunId, DateTimeOffset StartedAt, int Planned, int Staged, bool Planning = false)
{
    /// <summary>The plan is whole and every planned scope has a result: the run can be committed.</summary>
    public bool IsComplete => !Planning && Staged >= Planned;
}
