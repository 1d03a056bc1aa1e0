namespace PostureScan.Core.Attribution;

/// <summary>One part of a mirror (the session itself, its target, filter, a filter rule) with its attribution.</summary>
/// <param name="Kind">One of <see cref="PartKinds"/>.</param>
public sealed record AttributedPart(string Kind, Attribution Attribution);
