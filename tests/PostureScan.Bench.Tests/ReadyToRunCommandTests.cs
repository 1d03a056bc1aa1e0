namespace PostureScan.Bench.Tests;

public sealed class ReadyToRunCommandTests
{
    [Fact]
    public void The_frameworks_precompiled_core_library_is_ReadyToRun_and_a_built_assembly_is_not()
    {
        // The shared framework ships ReadyToRun images; `dotnet build` output (this test assembly) is IL only.
        Assert.True(ReadyToRunCommand.IsReadyToRun(typeof(object).Assembly.Location));
        Assert.False(ReadyToRunCommand.IsReadyToRun(typeof(ReadyToRunCommandTests).Assembly.Location));
        Assert.Equal(1, ReadyToRunCommand.Run([typeof(ReadyToRunCommandTests).Assembly.Location]));
        Assert.Equal(2, ReadyToRunCommand.Run([]));
    }
}
