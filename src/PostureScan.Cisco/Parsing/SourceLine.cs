namespace PostureScan.Cisco.Parsing;

/// <summary>One line of a device file: 1-based number, trimmed text, indentation; a line past the bound keeps only a prefix.</summary>
internal readonly record struct SourceLine(int Number, string Text, int Indent, bool TooLong);
