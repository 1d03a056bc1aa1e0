using System.Text.RegularExpressions;

namespace PostureScan.Core.Policy;

/// <summary>
/// A policy pattern over device text: <c>*</c> matches any run of characters, everything else itself, without
/// case, over the whole value (<c>*pci*</c> for "contains pci"). No other wildcard, so a policy author never
/// writes a regular expression by accident.
/// </summary>
public sealed class TextPattern
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex regex;

    public TextPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        var body = string.Join(".*", pattern.Split('*').Select(Regex.Escape));
        regex = new Regex($"^{body}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, Timeout);
    }

    public string Pattern { get; }

    public bool Matches(string? value)
    {
        if (value is null)
        {
            return false;
        }

        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            // Device text is adversary-controlled: a value that takes this long to match is not selected.
            return false;
        }
    }

    public override string ToString() => Pattern;
}
