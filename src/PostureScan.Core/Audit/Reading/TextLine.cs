namespace PostureScan.Core.Audit.Reading;

/// <summary>One line of a text input: its text (null when longer than the bound), 1-based number and byte offset.</summary>
internal readonly record struct TextLine(string? Text, long Number, long Offset);
