namespace PostureScan.Cisco.Parsing;

/// <summary>
/// What one device file holds. <see cref="Failure"/> is set when the file could not be read as either
/// format; <see cref="FileIssues"/> are monitor lines that belong to no session; each session carries its own.
/// </summary>
internal sealed record DeviceParseResult(
    DeviceFormat Format,
    string? DeviceName,
    IReadOnlyList<SessionDraft> Sessions,
    IReadOnlyList<ParseIssue> FileIssues,
    ParseIssue? Failure,
    IReadOnlyList<ConfiguredPort>? Ports = null)
{
    /// <summary>Every skipped line, for counting.</summary>
    public IEnumerable<ParseIssue> AllIssues => FileIssues.Concat(Sessions.SelectMany(s => s.Issues));
}
