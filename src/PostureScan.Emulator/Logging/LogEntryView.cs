namespace PostureScan.Emulator.Logging;

/// <summary>A rendered LogEntry and the fields a filter can test, as text.</summary>
internal sealed record LogEntryView(DateTimeOffset Time, IReadOnlyDictionary<string, string> Fields, string Json);
