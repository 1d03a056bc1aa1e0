using PostureScan.TestKit;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Cisco.Tests;

public sealed class CiscoInventorySourceTests
{
    [Fact]
    public async Task Each_device_file_is_one_scope_and_an_unparsable_file_fails_alone()
    {
        using var dir = new TemporaryDirectory()
            .WithFixture("config-classic-ios.txt")
            .WithFixture("show-nxos-local.txt")
            .WithText("garbage.bin", "hostname a\nmonitor\nx\0y\n")
            .WithText("notes.txt", "Dear team,\nconfigs attached.\n")
            .WithText("broken.cfg", "hostname broken-sw\nmonitor session 1 source vlan 4\nmonitor session x destination interface Gi1/0/2\n");
        var source = new CiscoInventorySource(new CiscoInventoryOptions(dir.Path));

        var discovery = await source.DiscoverAsync(CancellationToken.None);

        Assert.Equal(["closet-2960-4", "leaf-n9k-3"], discovery.Scopes.Select(s => s.Account).Order(StringComparer.Ordinal));
        Assert.All(discovery.Scopes, s => Assert.Equal((Providers.Cisco, Scope.Global), (s.Provider, s.Region)));
        var failures = discovery.Failures.ToDictionary(f => f.Scope.Account, f => (f.ErrorKind, f.Error));
        Assert.Equal((ScopeErrorKind.InvalidResponse, "garbage.bin: line 3: binary content"), failures["garbage"]);
        Assert.Equal((ScopeErrorKind.InvalidResponse, "notes.txt: line 1: neither a running-config nor show monitor output"), failures["notes"]);
        Assert.StartsWith("broken.cfg: line 3: monitor session without a session number", failures["broken-sw"].Error, StringComparison.Ordinal);

        var inventory = await source.CollectAsync(discovery.Scopes.Single(s => s.Account == "leaf-n9k-3"), CancellationToken.None);
        Assert.Equal((ScopeStatus.Ok, 1), (inventory.Result.Status, inventory.Result.ApiCalls));
        Assert.Equal(["leaf-n9k-3/session/1", "leaf-n9k-3/session/2"], inventory.Sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task Scanner_run_over_the_directory_is_partial_but_keeps_every_good_device()
    {
        using var dir = new TemporaryDirectory()
            .WithFixture("config-cat9300.txt")
            .WithFixture("config-asr-erspan.txt")
            .WithFixture("show-cat9k-full-fields.txt")
            .WithText("empty.txt", string.Empty);
        var scanner = new Scanner([new CiscoInventorySource(new CiscoInventoryOptions(dir.Path))], TimeProvider.System, 2);

        var run = await scanner.RunAsync(null, CancellationToken.None);

        Assert.True(run.IsPartial);
        Assert.Equal(4, run.ApiCalls);
        Assert.Equal(
            ["cisco/acc-9300-07/global", "cisco/empty/global", "cisco/show-cat9k-full-fields/global", "cisco/wan-asr-2/global"],
            run.Scopes.Select(s => s.Scope.Key));
        Assert.Equal(6 + 2 + 1, run.Sessions.Count);
        Assert.Contains(run.Sessions, s => s.Target?.Address == "203.0.113.45" && s.Scope.Account == "wan-asr-2");
    }

    [Fact]
    public async Task Configured_names_apply_by_file_name_or_by_the_name_in_the_file()
    {
        using var dir = new TemporaryDirectory()
            .WithFixture("show-cat9k-full-fields.txt")
            .WithFixture("show-nxos-local.txt");
        var names = new Dictionary<string, string>
        {
            ["show-cat9k-full-fields.txt"] = "dist-9300-c",
            ["leaf-n9k-3"] = "leaf-3",
        };
        var source = new CiscoInventorySource(new CiscoInventoryOptions(dir.Path, names));

        var discovery = await source.DiscoverAsync(CancellationToken.None);
        var sessions = await source.CollectAsync(discovery.Scopes.Single(s => s.Account == "leaf-3"), CancellationToken.None);

        Assert.Equal(["dist-9300-c", "leaf-3"], discovery.Scopes.Select(s => s.Account).Order(StringComparer.Ordinal));
        Assert.Equal("leaf-3/session/1", sessions.Sessions[0].Id);
    }

    [Fact]
    public async Task Devices_with_the_same_name_are_named_after_their_files()
    {
        using var dir = new TemporaryDirectory()
            .WithText("lab-a.cfg", "hostname Switch\nmonitor session 1 source interface Gi1/0/1\n")
            .WithText("lab-b.cfg", "hostname Switch\nmonitor session 1 source interface Gi1/0/2\n")
            .WithText("other.cfg", "hostname other\nmonitor session 1 source interface Gi1/0/3\n");
        var source = new CiscoInventorySource(new CiscoInventoryOptions(dir.Path));

        var discovery = await source.DiscoverAsync(CancellationToken.None);

        Assert.Equal(["lab-a", "lab-b", "other"], discovery.Scopes.Select(s => s.Account).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Oversized_file_and_missing_directory_fail_without_throwing()
    {
        using var dir = new TemporaryDirectory().WithFixture("config-cat9300.txt");
        var small = new CiscoInventorySource(new CiscoInventoryOptions(dir.Path) { MaxFileBytes = 100 });
        var missing = new CiscoInventorySource(new CiscoInventoryOptions(Path.Combine(dir.Path, "nope")));

        var tooBig = Assert.Single((await small.DiscoverAsync(CancellationToken.None)).Failures);
        var none = Assert.Single((await missing.DiscoverAsync(CancellationToken.None)).Failures);

        Assert.Contains("config-cat9300.txt", tooBig.Error, StringComparison.Ordinal);
        Assert.Equal(ScopeErrorKind.Unreachable, none.ErrorKind);
    }

    [Fact]
    public async Task Collecting_an_unknown_scope_is_a_failed_scope()
    {
        using var dir = new TemporaryDirectory().WithFixture("config-nxos.txt");
        var source = new CiscoInventorySource(new CiscoInventoryOptions(dir.Path));

        var inventory = await source.CollectAsync(new Scope(Providers.Cisco, "ghost", Scope.Global), CancellationToken.None);

        Assert.Equal(ScopeStatus.Failed, inventory.Result.Status);
        Assert.Empty(inventory.Sessions);
    }

    [Fact]
    public void A_configured_device_name_that_is_not_a_host_name_is_refused()
    {
        var names = new Dictionary<string, string> { ["a.txt"] = "bad name; rm" };

        Assert.Throws<ArgumentException>(() => new CiscoInventorySource(new CiscoInventoryOptions("x", names)));
    }
}
