namespace PostureScan.Serve;

/// <summary>
/// The runs this process planned. The resumer skips them: their account jobs are already fired, and firing a
/// scope again after its one-off trigger completed would collect it twice.
/// </summary>
internal sealed class PlannedRuns
{
    private readonly Lock gate = new();
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    public void Add(string runId)
    {
        lock (gate)
        {
            ids.Add(runId);
        }
    }

    public bool Contains(string runId)
    {
        lock (gate)
        {
            return ids.Contains(runId);
        }
    }
}
