namespace PostureScan.Core.Scanning;

/// <summary>How far a staged run is: how many planned scopes have a staged result.</summary>
public sealed record StagingProgress(string RunId, DateTimeOffset StartedAt, int Planned, int Staged)
{
    /// <summary>Every planned scope has a result: the run can be committed.</summary>
    public bool IsComplete => Staged >= Planned;
}
