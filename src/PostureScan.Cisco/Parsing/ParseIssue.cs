namespace PostureScan.Cisco.Parsing;

/// <summary>A line the parser skipped: where it is, why, and a bounded, printable excerpt of it.</summary>
internal sealed record ParseIssue(int Line, string Reason, string Excerpt)
{
    private const int MaxExcerpt = 120;

    public static ParseIssue At(int line, string reason, string text) => new(line, reason, Printable.Bound(text, MaxExcerpt));

    public override string ToString() => $"line {Line}: {Reason}";
}
