namespace PostureScan.Gcp.Rest;

/// <summary>Counts the HTTP requests made for one scope, retries included: the scope's "API calls made".</summary>
internal sealed class CallCounter
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Increment() => Interlocked.Increment(ref count);

    public void Add(int calls) => Interlocked.Add(ref count, calls);
}
