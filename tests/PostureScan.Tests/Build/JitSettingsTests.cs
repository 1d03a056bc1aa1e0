using System.Text.Json;
using PostureScan.TestKit;

namespace PostureScan.Tests.Build;

/// <summary>
/// The CLI runs with tiered compilation on, dynamic PGO off, and hot methods counted from their first call
/// (PostureScan.csproj). With tiering off, the ReadyToRun code a serve node starts with was never recompiled and
/// the node spent up to twice the cpu per scope (bench/README.md). Checked on the built CLI itself: the JIT's own
/// summary of what it compiled, at which tier, during one short run.
/// </summary>
public sealed class JitSettingsTests
{
    [Fact]
    public async Task The_cli_compiles_in_tiers_without_instrumentation_and_promotes_hot_methods_from_the_start()
    {
        using var dir = new TemporaryDirectory();
        // The summary goes to standard output: written to a file (JitStdOutFile) instead, the runtime closes that
        // file at exit while its background compiler may still write to it, and the process crashes now and then.
        var (exit, stdout, err) = await CliProcess.RunWithEnvironmentAsync(dir.Path, new Dictionary<string, string>
        {
            ["DOTNET_JitDisasmSummary"] = "1",
        }, "--help");
        Assert.True(exit == 0, err);

        var lines = stdout.Split('\n').Where(l => l.Contains("JIT compiled", StringComparison.Ordinal)).ToList();
        // Tiering off compiles every method straight to "FullOpts"; on, a method's first compilation is "Tier0"
        // (a method marked for aggressive optimisation is "FullOpts" either way, so only the first tier tells).
        Assert.Contains(lines, l => l.Contains("[Tier0", StringComparison.Ordinal));
        // Dynamic PGO would compile hot methods first as "Instrumented Tier0" or "Instrumented Tier1".
        Assert.DoesNotContain(lines, l => l.Contains("Instrumented", StringComparison.Ordinal));
        // With the runtime's default 100 ms delay before call counting, a run this short promoted nothing.
        Assert.Contains(lines, l => l.Contains("[Tier1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_runtime_configuration_next_to_the_cli_carries_the_settings()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PostureScan.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.GetProperty("System.Runtime.TieredCompilation").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }
}
