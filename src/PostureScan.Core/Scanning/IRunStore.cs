namespace PostureScan.Core.Scanning;

/// <summary>Where scan runs are kept. A run is saved whole or not at all.</summary>
public interface IRunStore
{
    Task SaveRunAsync(ScanRun run, CancellationToken cancellationToken);

    Task<ScanRun?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The most recently started run, or null for an empty store.</summary>
    Task<ScanRun?> GetLatestRunAsync(CancellationToken cancellationToken);

    /// <summary>Every run, newest first, without its sessions.</summary>
    Task<IReadOnlyList<RunSummary>> ListRunsAsync(CancellationToken cancellationToken);
}
