namespace PostureScan.Azure;

/// <summary>Counts the HTTP requests one scope makes, retries included, for the scope result.</summary>
internal sealed class CallCounter
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Increment() => Interlocked.Increment(ref count);
}
