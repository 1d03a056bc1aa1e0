using Microsoft.Extensions.Configuration;
using PostureScan.Core.Inventory;

namespace PostureScan.Cli.Detect;

/// <summary>
/// The scopes a live detection asks for, from the command line: AWS accounts by region (every region of an
/// account when none is given), Azure subscriptions, GCP projects. None given: the source reads what its
/// provider's configuration names, or what the credential can see.
/// </summary>
internal static class LiveScopes
{
    public static IReadOnlyList<Scope> From(LiveSourceOptions live, IConfiguration configuration) => live.Source switch
    {
        "azure-activity" => [.. live.Subscriptions.Select(s => new Scope(Providers.Azure, s, Scope.Global))],
        "gcp-logging" => [.. live.Projects.Select(p => new Scope(Providers.Gcp, p, "*"))],
        _ => Aws(live, configuration),
    };

    private static List<Scope> Aws(LiveSourceOptions live, IConfiguration configuration)
    {
        var accounts = live.Accounts.Count > 0
            ? live.Accounts
            : [.. configuration.GetSection("Aws:Accounts").GetChildren().Select(a => a["Id"]).OfType<string>()];
        if (accounts.Count == 0 && live.Regions.Count > 0)
        {
            throw new UsageException("--region needs --account (or accounts configured under Aws:Accounts)");
        }

        var regions = live.Regions.Count > 0 ? live.Regions : ["*"];
        return [.. accounts.SelectMany(a => regions.Select(r => new Scope(Providers.Aws, a, r)))];
    }
}
