namespace PostureScan.Core.Audit.Reading;

/// <summary>What one input held: records read, how many matched, and what was malformed.</summary>
/// <param name="Input">The file name, "-" or the API, as given.</param>
/// <param name="Malformed">The first malformed positions (see <see cref="AuditReaderOptions.MaxMalformedListed"/>).</param>
public sealed record AuditReadResult(
    string Input,
    long Records,
    long Matched,
    long MalformedCount,
    IReadOnlyList<MalformedInput> Malformed)
{
    public bool HasMalformed => MalformedCount > 0;
}
