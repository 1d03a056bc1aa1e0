using System.Diagnostics;
using PostureScan.TestKit;

namespace PostureScan.Tests.Build;

/// <summary>
/// Every publish that names a runtime ships ReadyToRun code (PostureScan.csproj), however it names it: the container
/// image publishes with <c>-a</c> (which the CLI passes on as <c>RuntimeIdentifier</c>), the benchmarks with
/// <c>--use-current-runtime</c> (passed on as <c>UseCurrentRuntimeIdentifier</c>, from which the SDK infers the runtime
/// only after the project file is read: a condition on the identifier alone left that publish without ReadyToRun
/// code). The property is read from MSBuild's own evaluation of the project, not from its text.
/// </summary>
public sealed class ReadyToRunTests
{
    [Theory]
    [InlineData("-p:RuntimeIdentifier=linux-x64")]
    [InlineData("-p:RuntimeIdentifier=linux-arm64")]
    [InlineData("-p:UseCurrentRuntimeIdentifier=true")]
    public async Task A_publish_for_a_runtime_is_ReadyToRun(string runtime)
    {
        Assert.Equal("true", await PublishReadyToRunAsync(runtime));
    }

    [Fact]
    public async Task A_publish_for_no_runtime_is_not()
    {
        // ReadyToRun code is compiled for one runtime; asked for without one, the SDK refuses the publish.
        Assert.Equal("", await PublishReadyToRunAsync(""));
    }

    private static async Task<string> PublishReadyToRunAsync(string runtime)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Combine("src", "PostureScan"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -getProperty evaluates the project as a publish would, without running a target (no restore, no build).
        foreach (var arg in (string[])["msbuild", .. runtime.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-p:Configuration=Release", "-p:_IsPublishing=true", "-getProperty:PublishReadyToRun", "-nodeReuse:false"])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet msbuild {runtime} -getProperty failed: {await stderr}{await stdout}");
        return (await stdout).Trim();
    }
}
