namespace PostureScan.Delivery.Http;

/// <summary>
/// Cuts serialised events (one per line, each followed by a newline) into request bodies of at most
/// <c>maxBodyBytes</c>, keeping their order. An event that alone exceeds the bound travels alone:
/// it is never cut, since half an event is no event.
/// </summary>
internal static class JsonLineChunks
{
    public static List<byte[]> Split(IReadOnlyList<byte[]> lines, int maxBodyBytes)
    {
        var bodies = new List<byte[]>();
        var current = new MemoryStream();
        foreach (var line in lines)
        {
            if (current.Length > 0 && current.Length + line.Length + 1 > maxBodyBytes)
            {
                bodies.Add(current.ToArray());
                current = new MemoryStream();
            }

            current.Write(line);
            current.WriteByte((byte)'\n');
        }

        if (current.Length > 0)
        {
            bodies.Add(current.ToArray());
        }

        return bodies;
    }
}
