namespace PostureScan.Core.Attribution;

/// <summary>One event in a session's timeline, with the part it touched.</summary>
public sealed record TimelineEntry(string PartKind, string ResourceId, AttributedChange Change);
