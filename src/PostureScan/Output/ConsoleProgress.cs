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

    // Discovery hands scopes to the collection as it goes, so scopes can finish before their provider's count is known.
    private readonly Dictionary<string, int> finishedEarly = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public void ScopesDiscovered(string provider, int count)
    {
        lock (gate)
        {
            if (context is not null)
            {
                var task = context.AddTask($"{provider} scopes", maxValue: Math.Max(count, 1));
                task.Increment(finishedEarly.GetValueOrDefault(provider));
                tasks[provider] = task;
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
            var provider = inventory.Result.Scope.Provider;
            if (tasks.TryGetValue(provider, out var task))
            {
                task.Increment(1);
            }
            else
            {
                finishedEarly[provider] = finishedEarly.GetValueOrDefault(provider) + 1;
            }

            if (inventory.Result.Status == ScopeStatus.Failed)
            {
                console.Write(new Text($"{inventory.Result.Scope.Key}: failed ({inventory.Result.ErrorKind}): {TerminalText.Cell(inventory.Result.Error, 200)}\n"));
            }
        }
    }
}
