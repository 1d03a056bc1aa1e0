namespace PostureScan.Aws;

/// <summary>Counts the requests one scope makes, for the scope result and the scale benchmarks.</summary>
internal sealed class CallCounter
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Increment() => Interlocked.Increment(ref count);
}
