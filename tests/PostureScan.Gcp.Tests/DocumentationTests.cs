using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Emulator.Gcp;
using PostureScan.Emulator.Worlds;
using PostureScan.TestKit;

namespace PostureScan.Gcp.Tests;

/// <summary>The GCP world example in docs/emulator.md is a real world file, served as the text says.</summary>
public sealed class DocumentationTests
{
    [Fact]
    public async Task The_documented_gcp_world_is_valid_and_scanned_as_described()
    {
        var world = World.Parse(DocumentedGcpYaml(), "docs/emulator.md");
        var account = Assert.Single(world.Gcp.ServiceAccounts);
        var key = GcpServiceAccountKey.Generate(account.Email, "prj-sec-tooling");
        await using var emulator = await GcpEmulator.StartAsync(world, key, key);
        using var source = new GcpInventorySource(emulator.Options("prj-shop-prod"), TimeProvider.System);

        var run = await new Scanner([source], TimeProvider.System, 2).RunAsync(null, CancellationToken.None);

        Assert.Equal(["europe-west1", "me-west1", "us-central1"], run.Scopes.Select(s => s.Scope.Region));
        Assert.Equal(ScopeErrorKind.Unreachable, run.Scopes[1].ErrorKind);
        var session = Assert.Single(run.Sessions);
        Assert.Equal("4203581742651235071", System.Text.Json.JsonDocument.Parse(session.RawJson!).RootElement.GetProperty("id").GetString());
        Assert.Equal(["subnetwork", "instance", "network-tag"], session.Sources.Select(s => s.Kind));
        Assert.Equal(["10.60.0.0/20", "10.64.0.0/16"], session.Sources[0].Addresses);
        Assert.Equal("10.60.255.10", session.Target!.Address);
        Assert.Equal(TrafficDirection.Both, session.Direction);
        Assert.Equal(1, emulator.Host.Counters.Throttled("prj-shop-prod", "*"));
    }

    private static string DocumentedGcpYaml()
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("docs", "emulator.md"));
        var start = text.IndexOf("```yaml\ngcp:", StringComparison.Ordinal) + "```yaml\n".Length;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        return text[start..end];
    }
}
