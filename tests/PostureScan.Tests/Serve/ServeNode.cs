using System.Diagnostics;
using System.Text;

namespace PostureScan.Tests.Serve;

/// <summary>A <c>posturescan serve</c> process whose log is readable while it runs, so a test can act on what it says.</summary>
internal sealed class ServeNode : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    public ServeNode(string name, string workingDirectory, string config)
    {
        Name = name;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "PostureScan.dll"), "serve", "--config", config })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("POSTURESCAN__", StringComparison.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public bool Says(string text) => Output.Contains(text, StringComparison.Ordinal);

    /// <summary>SIGKILL: no shutdown hook, no graceful stop, exactly like a node losing power.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM, as an orchestrator stops a node: the graceful stop, which must end in exit code 0.</summary>
    public int Terminate()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"node {Name} did not stop within 60 s of SIGTERM");
        }

        // The parameterless wait also drains the redirected output, so the log is whole.
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (gate)
            {
                output.AppendLine(line);
            }
        }
    }
}
