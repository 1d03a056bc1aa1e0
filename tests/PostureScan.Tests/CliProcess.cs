using System.Diagnostics;

namespace PostureScan.Tests;

/// <summary>Runs the built posturescan executable as a separate process, as a user would.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private CliProcess(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public static CliProcess Start(string workingDirectory, params string[] args) => StartWithEnvironment(workingDirectory, null, args);

    /// <summary>Starts the CLI with <paramref name="environment"/> added to its environment (secrets a configuration names by variable).</summary>
    public static CliProcess StartWithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PostureScan.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Keep a developer's own settings out of the test.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("POSTURESCAN__", StringComparison.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new CliProcess(Process.Start(info)!);
    }

    public static async Task<(int Exit, string Out, string Err)> RunAsync(string workingDirectory, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        return await p.WaitAsync(TimeSpan.FromMinutes(3));
    }

    public static async Task<(int Exit, string Out, string Err)> RunWithEnvironmentAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var p = StartWithEnvironment(workingDirectory, environment, args);
        return await p.WaitAsync(TimeSpan.FromMinutes(3));
    }

    public async Task<(int Exit, string Out, string Err)> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Kill() => process.Kill(entireProcessTree: true);

    public bool HasExited => process.HasExited;

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
