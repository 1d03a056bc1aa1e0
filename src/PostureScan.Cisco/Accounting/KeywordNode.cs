namespace PostureScan.Cisco.Accounting;

/// <summary>
/// One position of a command's syntax: the keywords valid there, each with the position after it (null
/// when what follows is free text: names, numbers, addresses). <see cref="Required"/> is set where a
/// keyword must follow, so a command that stops or goes elsewhere is not this command at all.
/// </summary>
internal sealed class KeywordNode(IReadOnlyDictionary<string, KeywordNode?> next, bool required = false)
{
    public IReadOnlyDictionary<string, KeywordNode?> Next { get; } = next;

    public bool Required { get; } = required;

    /// <summary>A position where one of <paramref name="keywords"/> may follow, then free text.</summary>
    public static KeywordNode Of(params string[] keywords) => new(keywords.ToDictionary(k => k, _ => (KeywordNode?)null));

    /// <summary>A position where one of <paramref name="keywords"/> must follow, then free text.</summary>
    public static KeywordNode Must(params string[] keywords) => new(keywords.ToDictionary(k => k, _ => (KeywordNode?)null), required: true);

    /// <summary>A position where one of the keywords must follow, each with its own next position.</summary>
    public static KeywordNode Must(params (string Keyword, KeywordNode? Next)[] keywords) =>
        new(keywords.ToDictionary(k => k.Keyword, k => k.Next), required: true);

    /// <summary>
    /// Writes out the keywords of <paramref name="words"/> from <paramref name="start"/>, following the syntax;
    /// false when a required keyword is missing, ambiguous or unknown. Free text is kept as typed.
    /// </summary>
    public bool Expand(string[] words, int start)
    {
        var node = this;
        for (var i = start; node is not null && i < words.Length; i++)
        {
            if (IosKeywords.Resolve(words[i], (IReadOnlyCollection<string>)node.Next.Keys) is not { } keyword)
            {
                return !node.Required;
            }

            words[i] = keyword;
            node = node.Next[keyword];
        }

        return node is null || !node.Required;
    }
}
