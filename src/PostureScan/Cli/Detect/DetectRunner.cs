using System.Collections.Concurrent;
using PostureScan.Cisco.Accounting;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Output;
using PostureScan.Core.Audit.Reading;
using PostureScan.Output;

namespace PostureScan.Cli.Detect;

/// <summary>
/// Runs <c>detect</c> over files: reads the inputs in parallel (one file per core), keeps only the
/// matched events, then reports them newest first with a count summary on standard error.
/// </summary>
internal sealed class DetectRunner(DetectConsole console)
{
    public const int Ok = 0;
    public const int Usage = 2;
    public const int Partial = 3;

    public int Run(DetectOptions options, CancellationToken cancellationToken)
    {
        if (options.EmitSigma)
        {
            SigmaRules.Write(console.Output, EventNameMatcher.Mirror);
            return Ok;
        }

        if (options.Paths.Count == 0)
        {
            return UsageError("give at least one PATH (a file, a directory, or - for standard input), or --emit-sigma");
        }

        if (!TimeArgument.TryParse(options.Since, console.Time, out var since))
        {
            return UsageError($"--since: '{options.Since}' is neither an ISO 8601 time nor a duration such as 24h or 7d");
        }

        if (!TimeArgument.TryParse(options.Until, console.Time, out var until))
        {
            return UsageError($"--until: '{options.Until}' is neither an ISO 8601 time nor a duration such as 24h or 7d");
        }

        IReadOnlyList<string> files;
        try
        {
            files = AuditInputPaths.Expand(options.Paths, out var missing);
            if (missing is not null)
            {
                return UsageError($"cannot read '{TerminalText.Line(missing, 300)}': no such file or directory");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return UsageError($"cannot list an input directory: {e.Message}");
        }

        var outcomes = ReadAll(files, options.DeviceNames, cancellationToken);
        var events = DetectionResults.Arrange(outcomes.SelectMany(o => o.Events), new AuditEventFilter(since, until, options.WritesOnly));
        WriteEvents(console, options.Format, events);
        DetectSummary.Write(console.Error, outcomes, events.Count);
        return outcomes.Any(o => o.Unreadable is not null) ? Usage : outcomes.Any(o => o.Result?.HasMalformed == true) ? Partial : Ok;
    }

    private int UsageError(string message)
    {
        console.Error.WriteLine($"detect: {message}");
        return Usage;
    }

    private List<InputOutcome> ReadAll(IReadOnlyList<string> files, IReadOnlyDictionary<string, string>? deviceNames, CancellationToken cancellationToken)
    {
        // The report needs no raw records: matched events then cost a few hundred bytes each.
        // Cisco syslog and TACACS+ accounting are recognised by content, like the cloud logs.
        var reader = new AuditLogReader(EventNameMatcher.Mirror, CiscoAccountingFormat.ReaderOptions(console.Time, deviceNames, AuditReaderOptions.Default with { KeepRawJson = false }));
        var outcomes = new ConcurrentDictionary<int, InputOutcome>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, files.Count, parallel, i => outcomes[i] = ReadOne(reader, files[i]));
        return [.. Enumerable.Range(0, files.Count).Select(i => outcomes[i])];
    }

    private InputOutcome ReadOne(AuditLogReader reader, string file)
    {
        var events = new List<AuditEvent>();
        try
        {
            using var stream = file == AuditInputPaths.StandardInput
                ? AuditInputStreams.Decompressing(console.Input)
                : AuditInputStreams.OpenFile(file);
            var result = reader.Read(stream, AuditInput.FromFile(file, 0), events.Add);
            return new InputOutcome(file, result, events, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new InputOutcome(file, null, events, e.Message);
        }
    }

    /// <summary>Writes the reported events in the chosen format (live detection writes the same way).</summary>
    internal static void WriteEvents(DetectConsole console, DetectFormat format, IReadOnlyList<AuditEvent> events)
    {
        switch (format)
        {
            case DetectFormat.Jsonl:
                AuditJsonlWriter.Write(console.Output, events);
                break;
            case DetectFormat.Csv:
                DetectCsvWriter.Write(console.Output, events);
                break;
            default:
                DetectTableWriter.Write(console.Output, events, console.TerminalWidth);
                break;
        }

        console.Output.Flush();
    }
}
