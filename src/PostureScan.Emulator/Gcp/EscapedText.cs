namespace PostureScan.Emulator.Gcp;

/// <summary>World text holding an unpaired surrogate, which <see cref="GcpJsonOutput"/> writes as a \u escape.</summary>
internal sealed record EscapedText(string Value);
