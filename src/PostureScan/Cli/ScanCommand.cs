using System.CommandLine;
using PostureScan.Hosting;
using PostureScan.Output;

namespace PostureScan.Cli;

/// <summary><c>posturescan scan --config FILE [--provider aws,...] [--db FILE] [--json]</c></summary>
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
        var command = new Command("scan", "Inventory every configured scope, store the run, print a summary") { config, provider, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = AppConfiguration.Load(parse.GetValue(config));
            var providers = (parse.GetValue(provider) ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var request = new ScanRequest(configuration, providers, parse.GetValue(db), parse.GetValue(json));
            return await ScanRunner.RunAsync(request, TimeProvider.System, ct);
        });
        return command;
    }
}
