using System.CommandLine;
using PostureScan.Core.Findings;
using PostureScan.Hosting;
using PostureScan.Output;

namespace PostureScan.Cli;

/// <summary><c>posturescan scan --config FILE [--provider aws,...] [--policy FILE] [--fail-on SEVERITY] [--db FILE] [--json]</c></summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(required: true);
        var provider = new Option<string[]>("--provider")
        {
            Description = "Providers to scan, comma separated (default: every configured provider)",
            AllowMultipleArgumentsPerToken = true,
        };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var policy = new Option<FileInfo?>("--policy") { Description = "Evaluate the run against this policy file and store the findings with it" };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit 1 when an open, unsuppressed finding has this severity or higher (info, low, medium, high, critical); needs --policy",
        };
        failOn.AcceptOnlyFromAmong([.. Enum.GetValues<Severity>().Select(FindingsTable.Name)]);
        var command = new Command("scan", "Inventory every configured scope, store the run, print a summary") { config, provider, db, json, policy, failOn };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = AppConfiguration.Load(parse.GetValue(config));
            var providers = (parse.GetValue(provider) ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var threshold = parse.GetValue(failOn) is { } name ? Enum.Parse<Severity>(name, ignoreCase: true) : (Severity?)null;
            if (threshold is not null && parse.GetValue(policy) is null)
            {
                throw new UsageException("--fail-on needs --policy: without a policy there are no findings to gate on");
            }

            var request = new ScanRequest(configuration, providers, parse.GetValue(db), parse.GetValue(json), parse.GetValue(policy)?.FullName, threshold);
            return await ScanRunner.RunAsync(request, TimeProvider.System, ct);
        });
        return command;
    }
}
