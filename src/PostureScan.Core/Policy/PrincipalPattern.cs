namespace PostureScan.Core.Policy;

/// <summary>
/// An allowed principal: an ARN, a UPN, an Azure service principal (application id) or a GCP email, with
/// <c>*</c> matching any run of characters and <c>?</c> one character. Matching ignores case, as IAM role
/// names, UPNs and emails do. The matcher is linear-time (no regular expressions on hostile input).
/// </summary>
public sealed record PrincipalPattern(string Pattern)
{
    public bool Matches(string actor) => Glob(Pattern, actor);

    public override string ToString() => Pattern;

    private static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
