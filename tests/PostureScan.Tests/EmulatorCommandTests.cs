using PostureScan.TestKit;

namespace PostureScan.Tests;

public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task A_world_file_with_an_unknown_key_is_a_usage_error_naming_line_and_column()
    {
        using var dir = new TemporaryDirectory();
        var world = dir.File("bad.yaml");
        await File.WriteAllTextAsync(world, "aws:\n  accounts:\n    - id: \"111111111111\"\n      regoins: []\n");

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "emulator", "--world", world, "--port", "0");

        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml(4,", stderr, StringComparison.Ordinal);
        Assert.Contains("regoins", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timing_log_that_cannot_be_written_is_a_usage_error_naming_it()
    {
        using var dir = new TemporaryDirectory();
        var world = dir.File("world.yaml");
        await File.WriteAllTextAsync(world, "aws:\n  accounts: []\n");
        var log = Path.Combine(dir.Path, "missing-folder", "timing.log");

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "emulator", "--world", world, "--port", "0", "--https-port", "0", "--timing-log", log);

        Assert.Equal(2, exit);
        Assert.Contains("--timing-log", stderr, StringComparison.Ordinal);
        Assert.Contains("missing-folder", stderr, StringComparison.Ordinal);
    }
}
