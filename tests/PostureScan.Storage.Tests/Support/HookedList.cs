using System.Collections;

namespace PostureScan.Storage.Tests.Support;

/// <summary>
/// A list that calls <c>onItem(index)</c> as each item is handed out, so a test can act at a chosen
/// point of a save loop: cancel a token, or hold the writer still while another connection reads.
/// </summary>
internal sealed class HookedList<T>(IReadOnlyList<T> items, Action<int> onItem) : IReadOnlyList<T>
{
    public int Count => items.Count;

    public T this[int index]
    {
        get
        {
            onItem(index);
            return items[index];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < items.Count; i++)
        {
            onItem(i);
            yield return items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
