using Microsoft.Extensions.Configuration;

namespace PostureScan.Hosting;

/// <summary>What one scan invocation asked for, from the command line and configuration.</summary>
internal sealed record ScanRequest(IConfiguration Configuration, IReadOnlyList<string> Providers, string? Database, bool Json);
