using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Emulator.Gcp;
using PostureScan.Emulator.Worlds;
using static PostureScan.Gcp.Tests.GcpEstate;

namespace PostureScan.Gcp.Tests;

/// <summary>Discovery, credentials and failure handling of the GCP source against the emulator.</summary>
public sealed class GcpInventorySourceTests
{
    private static async Task<ScanRun> ScanAsync(GcpEmulator emulator, GcpOptions options)
    {
        using var source = new GcpInventorySource(options, TimeProvider.System);
        var run = await new Scanner([source], TimeProvider.System, 4).RunAsync(null, CancellationToken.None);
        Assert.Equal(0, emulator.Host.Counters.TotalRejectedWrites);
        return run;
    }

    private static GcpProject Project(string id, string lifecycle = "ACTIVE", Faults? faults = null) => new()
    {
        Id = id,
        LifecycleState = lifecycle,
        Faults = faults,
        Regions =
        [
            new GcpRegion
            {
                Name = "us-east4",
                ForwardingRules = [new GcpForwardingRule { Name = "fr-c", IpAddress = "10.0.0.5", Network = "vpc" }],
                PacketMirrorings = [Policy($"pm-{id}", "fr-c", tags: ["all"])],
            },
        ],
    };

    [Fact]
    public async Task Without_configured_projects_every_active_project_visible_to_the_credential_is_scanned()
    {
        await using var emulator = await GcpEmulator.StartAsync(
            [Project("prj-alpha"), Project("prj-bravo"), Project("prj-charlie"), Project("prj-deleted", "DELETE_REQUESTED")]);
        var options = emulator.Options();
        options.PageSize = 2;

        var run = await ScanAsync(emulator, options);

        Assert.Equal(["prj-alpha", "prj-bravo", "prj-charlie"], run.Scopes.Select(s => s.Scope.Account));
        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal(3, run.Sessions.Count);
        Assert.Equal(2, emulator.Host.Counters.Calls("cloudresourcemanager.projects.list"));
    }

    [Fact]
    public async Task Throttling_that_never_stops_fails_the_project_as_throttled_and_the_others_complete()
    {
        await using var emulator = await GcpEmulator.StartAsync([Project("prj-alpha"), Project("prj-busy", faults: new Faults { ThrottleRate = 1 })]);
        var options = emulator.Options("prj-alpha", "prj-busy");
        options.MaxRetries = 2;

        var run = await ScanAsync(emulator, options);

        var failed = Assert.Single(run.Scopes, s => s.Status == ScopeStatus.Failed);
        Assert.Equal(new Scope("gcp", "prj-busy", "*"), failed.Scope);
        Assert.Equal(ScopeErrorKind.Throttled, failed.ErrorKind);
        Assert.Contains("rateLimitExceeded", failed.Error, StringComparison.Ordinal);
        Assert.Equal(3, emulator.Host.Counters.Throttled("prj-busy", "*"));
        Assert.Single(run.Sessions);
    }

    [Fact]
    public async Task A_key_file_whose_signature_the_token_endpoint_rejects_fails_each_project_as_access_denied()
    {
        var impostor = GcpServiceAccountKey.Generate(GcpEmulator.Email, "prj-sec-tooling");
        await using var emulator = await GcpEmulator.StartAsync([Project("prj-alpha")], signingKey: impostor);

        var run = await ScanAsync(emulator, emulator.Options("prj-alpha"));

        var failed = Assert.Single(run.Scopes);
        Assert.Equal(ScopeErrorKind.AccessDenied, failed.ErrorKind);
        Assert.Contains("Invalid JWT Signature", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Host.Counters.Calls("compute.packetMirrorings.aggregatedList"));
    }

    [Fact]
    public async Task A_missing_key_file_is_a_failed_scan_not_a_crash()
    {
        await using var emulator = await GcpEmulator.StartAsync([Project("prj-alpha")]);
        var options = emulator.Options();
        options.CredentialFile = emulator.KeyFile + ".missing";

        var run = await ScanAsync(emulator, options);

        var failed = Assert.Single(run.Scopes);
        Assert.Equal(new Scope("gcp", "*", "*"), failed.Scope);
        Assert.Equal(ScopeErrorKind.AccessDenied, failed.ErrorKind);
        Assert.Contains("cannot load Google credentials", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_in_one_region_fails_that_scope_only()
    {
        var project = Project("prj-alpha") with
        {
            Regions =
            [
                .. Project("prj-alpha").Regions,
                new GcpRegion
                {
                    Name = "europe-west4",
                    Faults = new Faults { Unavailable = "InternalError" },
                    PacketMirrorings = [Policy("pm-eu", "fr-eu", tags: ["x"])],
                },
            ],
        };
        await using var emulator = await GcpEmulator.StartAsync([project]);
        var options = emulator.Options("prj-alpha");
        options.MaxRetries = 1;

        var run = await ScanAsync(emulator, options);

        var failed = Assert.Single(run.Scopes, s => s.Status == ScopeStatus.Failed);
        Assert.Equal(new Scope("gcp", "prj-alpha", "europe-west4"), failed.Scope);
        Assert.Equal(ScopeErrorKind.Unreachable, failed.ErrorKind);
        Assert.Equal("pm-prj-alpha", Assert.Single(run.Sessions).Name);
    }

    [Fact]
    public async Task A_scope_collected_without_discovery_lists_its_project_itself()
    {
        await using var emulator = await GcpEmulator.StartAsync([Project("prj-alpha")]);
        using var source = new GcpInventorySource(emulator.Options("prj-alpha"), TimeProvider.System);

        var inventory = await source.CollectAsync(new Scope("gcp", "prj-alpha", "us-east4"), CancellationToken.None);

        Assert.Equal(ScopeStatus.Ok, inventory.Result.Status);
        Assert.Equal("pm-prj-alpha", Assert.Single(inventory.Sessions).Name);
        Assert.Equal("10.0.0.5", inventory.Sessions[0].Target!.Address);
        Assert.Equal(2, inventory.Result.ApiCalls);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_failed_scope_not_a_crash()
    {
        await using var emulator = await GcpEmulator.StartAsync([Project("prj-alpha")]);
        var options = emulator.Options("prj-alpha");
        options.ComputeEndpoint = "http://127.0.0.1:9/compute/v1/";
        options.MaxRetries = 0;
        options.TimeoutSeconds = 5;

        var run = await ScanAsync(emulator, options);

        var failed = Assert.Single(run.Scopes);
        Assert.Equal(new Scope("gcp", "prj-alpha", "*"), failed.Scope);
        Assert.Equal(ScopeErrorKind.Unreachable, failed.ErrorKind);
    }
}
