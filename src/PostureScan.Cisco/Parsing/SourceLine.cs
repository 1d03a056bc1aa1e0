namespace PostureScan.Cisco.Parsing;

/// <summary>One line of a device file with its 1-based number; text longer than the bound is flagged, not kept.</summary>
internal readonly record struct SourceLine(int Number, string Text, int Indent, bool TooLong);
