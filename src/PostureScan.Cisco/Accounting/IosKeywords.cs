namespace PostureScan.Cisco.Accounting;

/// <summary>
/// The IOS parser's abbreviation rule: a typed word stands for the keyword it is a prefix of, when no other
/// keyword valid at that position starts with it; a word that is a keyword in full is that keyword even if
/// a longer one starts with it (<c>ip</c> beside <c>ipv6</c>). Anything else is ambiguous or unknown, and
/// IOS refuses the command ("% Ambiguous command"), so it never reaches a log as configuration.
/// </summary>
internal static class IosKeywords
{
    /// <summary>The keyword <paramref name="typed"/> stands for among <paramref name="keywords"/>, or null.</summary>
    public static string? Resolve(string typed, IReadOnlyCollection<string> keywords)
    {
        if (typed.Length == 0)
        {
            return null;
        }

        string? found = null;
        foreach (var keyword in keywords)
        {
            if (keyword.Equals(typed, StringComparison.OrdinalIgnoreCase))
            {
                return keyword;
            }

            if (keyword.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            {
                if (found is not null)
                {
                    return null;
                }

                found = keyword;
            }
        }

        return found;
    }
}
