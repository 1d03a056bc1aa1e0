using Microsoft.Extensions.Configuration;
using PostureScan.Core.Findings;

namespace PostureScan.Hosting;

/// <summary>What one scan invocation asked for, from the command line and configuration.</summary>
internal sealed record ScanRequest(
    IConfiguration Configuration,
    IReadOnlyList<string> Providers,
    string? Database,
    bool Json,
    string? Policy = null,
    Severity? FailOn = null);
