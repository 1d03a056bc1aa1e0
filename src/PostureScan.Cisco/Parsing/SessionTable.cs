namespace PostureScan.Cisco.Parsing;

/// <summary>The sessions of one file in order of first mention, bounded in number.</summary>
internal sealed class SessionTable
{
    /// <summary>The largest session count of any Cisco platform (1024 on ASR 1000).</summary>
    public const int MaxSessions = 1024;

    private readonly Dictionary<int, SessionDraft> byNumber = [];
    private readonly Dictionary<int, int> occurrences = [];

    public List<SessionDraft> All { get; } = [];

    /// <summary>The session with this number, created on first mention; null past the bound.</summary>
    public SessionDraft? Get(int number, int line)
    {
        if (byNumber.TryGetValue(number, out var draft))
        {
            return draft;
        }

        return Start(number, line);
    }

    /// <summary>A new session even if the number was seen (show output can repeat a header); null past the bound.</summary>
    public SessionDraft? Start(int number, int line)
    {
        if (All.Count >= MaxSessions)
        {
            return null;
        }

        var occurrence = occurrences.GetValueOrDefault(number) + 1;
        occurrences[number] = occurrence;
        var draft = new SessionDraft(number, occurrence, line);
        byNumber[number] = draft;
        All.Add(draft);
        return draft;
    }
}
