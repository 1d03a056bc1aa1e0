using PostureScan.Core.Scanning;
using Spectre.Console;

namespace PostureScan.Output;

/// <summary>
/// Scan progress on standard error: one progress bar per provider when it is a terminal, and a
/// line per failed scope either way, so a nightly log still says what went wrong.
/// </summary>
internal sealed class ConsoleProgress(IAnsiConsole console, ProgressContext? context) : IScanProgress
{
    private readonly Dictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public void ScopesDiscovered(string provider, int count)
    {
        lock (gate)
        {
            if (context is not null)
            {
                tasks[provider] = context.AddTask($"{provider} scopes", maxValue: Math.Max(count, 1));
            }
            else
            {
                console.WriteLine($"{provider}: {count} scopes to scan");
            }
        }
    }

    public void ScopeFinished(ScopeInventory inventory)
    {
        lock (gate)
        {
            if (tasks.TryGetValue(inventory.Result.Scope.Provider, out var task))
            {
                task.Increment(1);
            }

            if (inventory.Result.Status == ScopeStatus.Failed)
            {
                console.Write(new Text($"{inventory.Result.Scope.Key}: failed ({inventory.Result.ErrorKind}): {TerminalText.Cell(inventory.Result.Error, 200)}\n"));
            }
        }
    }
}
