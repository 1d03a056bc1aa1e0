using System.CommandLine;
using PostureScan.Hosting;

namespace PostureScan.Cli.Detect;

/// <summary>
/// <c>posturescan detect PATH... [--format table|jsonl|csv] [--since TIME] [--until TIME] [--writes-only] [--emit-sigma]</c>:
/// the T1020.001 audit-log detection over CloudTrail, Azure Activity Log, GCP Cloud Audit Log and Cisco syslog or
/// TACACS+ accounting files, or with
/// <c>--source TYPE</c> and scope options over a live audit log.
/// </summary>
internal static class DetectCommand
{
    public static Command Create() => Create(DetectConsole.System);

    public static Command Create(Func<DetectConsole> console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Audit-log files (.json, .json.gz, one event per line; Cisco syslog or TACACS+ accounting), directories (read recursively), or - for standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: table (default), jsonl (one JSON object per event, newest first) or csv",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        var since = new Option<string?>("--since") { Description = "Only events at or after TIME (ISO 8601, or a duration back from now: 90m, 24h, 7d)" };
        var until = new Option<string?>("--until") { Description = "Only events at or before TIME (same forms as --since)" };
        var writesOnly = new Option<bool>("--writes-only") { Description = "Leave out reads (Describe, Get, List)" };
        var emitSigma = new Option<bool>("--emit-sigma") { Description = "Write the detection as Sigma rules (YAML, one per log source) and exit" };

        var command = new Command("detect", "Find traffic-mirroring activity (MITRE T1020.001) in AWS, Azure and GCP audit logs and Cisco accounting");
        command.Arguments.Add(paths);
        var live = new LiveSourceArguments();
        foreach (var option in new Option[] { format, since, until, writesOnly, emitSigma }.Concat(live.All))
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new DetectOptions(
                parseResult.GetValue(paths) ?? [],
                Enum.Parse<DetectFormat>(parseResult.GetValue(format) ?? "table", ignoreCase: true),
                parseResult.GetValue(since),
                parseResult.GetValue(until),
                parseResult.GetValue(writesOnly),
                parseResult.GetValue(emitSigma),
                live.Read(parseResult),
                DeviceNames(live.Config(parseResult)));
            return options is { Live: { } source, EmitSigma: false }
                ? new LiveDetectRunner(console()).RunAsync(options, source, cancellationToken)
                : Task.Run(() => new DetectRunner(console()).Run(options, cancellationToken), cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Reading files, the Cisco section's device names name the devices (syslog host, NAS address), as scan's
    /// files source does; without --config the addresses stand.
    /// </summary>
    private static Dictionary<string, string>? DeviceNames(FileInfo? config) =>
        config is null ? null : AuditSourceRegistry.CiscoDeviceNames(AppConfiguration.Load(config));
}
