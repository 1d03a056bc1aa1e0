using System.Text.Json;

namespace PostureScan.Emulator.Gcp;

/// <summary>Google pretty-prints JSON responses by default (prettyPrint=true).</summary>
internal static class GcpJsonOutput
{
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };
}
