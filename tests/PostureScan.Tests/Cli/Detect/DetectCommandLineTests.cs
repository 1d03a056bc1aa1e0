using PostureScan.Cli;

namespace PostureScan.Tests.Cli.Detect;

public sealed class DetectCommandLineTests
{
    [Fact]
    public void Detect_is_registered_under_the_root_command()
    {
        Assert.Contains(CommandLine.Create().Subcommands, c => c.Name == "detect");
    }

    [Theory]
    [InlineData("detect", "--format", "xml", "log.json")]
    [InlineData("detect", "--no-such-option")]
    public async Task A_command_line_that_does_not_parse_exits_2(params string[] args)
    {
        Assert.Equal(2, await CommandLine.RunAsync(args));
    }
}
