using PostureScan.Core.Scanning;

namespace PostureScan.Hosting;

/// <summary>Collect every scope, then commit the run to the store in one transaction.</summary>
internal sealed class ScanPipeline(IReadOnlyList<IInventorySource> sources, IRunStore store, TimeProvider time, int maxConcurrency)
{
    public async Task<ScanRun> RunAsync(IScanProgress? progress, CancellationToken cancellationToken)
    {
        var run = await new Scanner(sources, time, maxConcurrency).RunAsync(progress, cancellationToken);
        await store.SaveRunAsync(run, cancellationToken);
        return run;
    }
}
