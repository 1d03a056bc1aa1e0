using PostureScan.TestKit;
using System.Text.Json;
using PostureScan.Storage;

namespace PostureScan.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_scans_the_sample_estate_through_the_executable_and_stores_it()
    {
        using var dir = new TemporaryDirectory();

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "demo", "--out", dir.File("out"), "--json");

        Assert.True(exit == 0, stderr);
        using var summary = JsonDocument.Parse(stdout);
        var root = summary.RootElement;
        Assert.Equal(6, root.GetProperty("sessions").GetProperty("aws").GetInt32());
        Assert.Equal(2, root.GetProperty("sessions").GetProperty("gcp").GetInt32());
        Assert.Equal(2, root.GetProperty("sessions").GetProperty("cisco").GetInt32());
        Assert.Equal(2, root.GetProperty("sessions").GetProperty("azure").GetInt32());
        var scopes = root.GetProperty("scopes").EnumerateArray().ToList();
        Assert.Equal(6, scopes.Count(s => s.GetProperty("provider").GetString() == "aws"));
        Assert.Equal(3, scopes.Count(s => s.GetProperty("provider").GetString() == "gcp"));
        Assert.Equal(2, scopes.Count(s => s.GetProperty("provider").GetString() == "cisco"));
        Assert.Equal(2, scopes.Count(s => s.GetProperty("provider").GetString() == "azure"));
        Assert.All(scopes, s => Assert.Equal("ok", s.GetProperty("status").GetString()));
        Assert.Contains("refused 0 write calls", stderr, StringComparison.Ordinal);
        var audit = root.GetProperty("audit");
        Assert.Equal(3, audit.GetProperty("sources").GetArrayLength()); // CloudTrail files, the Activity Log, Cloud Logging
        Assert.All(audit.GetProperty("sources").EnumerateArray(), s => Assert.Equal("ok", s.GetProperty("status").GetString()));
        var states = audit.GetProperty("sessions");
        Assert.Equal(10, states.GetProperty("attributed").GetInt32());
        Assert.Equal(1, states.GetProperty("unattributed-missing").GetInt32());
        Assert.Equal(1, states.GetProperty("unattributed-beyond-retention").GetInt32());
        Assert.Equal(0, states.GetProperty("source-unavailable").GetInt32()); // the Cisco sessions are attributed from the device logs
        Assert.Equal(1, audit.GetProperty("shortLived").GetInt32());
        Assert.Equal(4, audit.GetProperty("failedAttempts").GetInt32());

        await using var store = await SqliteRunStore.OpenAsync(dir.File("out/posturescan.db"), TimeProvider.System, CancellationToken.None);
        var run = await store.GetLatestRunAsync(CancellationToken.None);
        Assert.Equal(root.GetProperty("runId").GetString(), run!.Id);
        var foreign = Assert.Single(run.Sessions, s => s.Id == "tms-0db0000000000bad1");
        Assert.Equal("999988887777", foreign.Target!.OwnerAccount);
        Assert.True(foreign.AcceptsEverything);
        Assert.True(Assert.Single(run.Sessions, s => s.Id == "tms-0pay000000000bad2").Target!.InternetFacing);
        var sanctioned = Assert.Single(run.Sessions, s => s.Name == "vtap-ndr");
        Assert.Equal(["10.60.1.4", "10.60.1.5"], sanctioned.Sources.SelectMany(s => s.Addresses).Order(StringComparer.Ordinal));
        Assert.Equal("10.50.0.10", sanctioned.Target!.Address);
        var outside = Assert.Single(run.Sessions, s => s.Name == "vtap-diag");
        Assert.True(outside.TargetInForeignAccount);
        Assert.Equal("d00dfeed-1234-4abc-8def-0123456789ab", outside.Target!.OwnerAccount);
        var gcpSanctioned = Assert.Single(run.Sessions, s => s.Name == "pm-ndr-web");
        Assert.Equal(("10.70.255.10", "secops-ndr"), (gcpSanctioned.Target!.Address, gcpSanctioned.Target.OwnerAccount));
        var payments = Assert.Single(run.Sessions, s => s.Name == "pm-payments-debug");
        Assert.Equal("demo-contractor-lab", payments.Target!.OwnerAccount);
        Assert.True(payments.TargetInForeignAccount);
        Assert.True(payments.AcceptsEverything);
        Assert.Equal(["10.60.16.0/22", "10.64.0.0/16"], Assert.Single(payments.Sources).Addresses);
        Assert.True(File.Exists(dir.File("out/gcp-service-account.json")));
        var erspan = Assert.Single(run.Sessions, s => s.Scope.Account == "edge-rtr2");
        Assert.Equal("198.51.100.23", erspan.Target!.Address);
        Assert.True(erspan.Enabled);
        var attribution = (await store.GetAuditRunAsync(run.Id, CancellationToken.None))!;
        var attacker = attribution.Session("tms-0db0000000000bad1")!.Session;
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/DebugOps/j.doe", attacker.Actor);
        Assert.Equal("arn:aws:iam::222222222222:role/DebugOps", attacker.SessionIssuer);
        Assert.Equal("203.0.113.66", attacker.SourceIp);
        Assert.Equal(Core.Attribution.AttributionState.UnattributedMissing, attribution.Session("tms-0pay000000000bad2")!.Session.State);
        Assert.Equal("tms-0e0e0e0e0e0e00005", Assert.Single(attribution.Report.DeletedMirrors).ResourceId);
        Assert.True(File.Exists(dir.File("out/audit/cloudtrail-demo.json")));
        var guest = attribution.Session(outside.Id)!.Session; // logged with an upper-case id
        Assert.Equal(("guest.contractor@outlook.example", "203.0.113.77"), (guest.Actor, guest.SourceIp));
        Assert.Equal("ndr-automation@example.com", attribution.Session(sanctioned.Id)!.Session.Actor);
        var tapConfigurations = attribution.Session(sanctioned.Id)!.Parts.Where(p => p.Kind == "tap-configuration").Select(p => p.Attribution).ToList();
        Assert.Equal(["nic-web01", "nic-web02"], tapConfigurations.Select(a => a.ResourceId.Split('/')[^3]).Order(StringComparer.Ordinal));
        Assert.All(tapConfigurations, a => Assert.Equal((Core.Attribution.AttributionState.Attributed, "ndr-automation@example.com"), (a.State, a.Actor)));
        Assert.Equal(("tap-configuration", "guest.contractor@outlook.example"), attribution.Session(outside.Id)!.Parts[^1] is var diag ? (diag.Kind, diag.Attribution.Actor) : default);
        var contractor = attribution.Session(payments.Id)!.Session;
        Assert.Equal(("pat@contractor-lab.example", "203.0.113.78"), (contractor.Actor, contractor.SourceIp));
        Assert.Empty(contractor.Changes); // the insert refused five minutes earlier is evidence, not a change
        Assert.Equal(("failure", "7 PERMISSION_DENIED"), Assert.Single(contractor.BeforeCreation) is var refused ? (refused.Outcome, refused.ErrorCode) : default);
        Assert.Equal(Core.Attribution.AttributionState.Attributed, attribution.Session(gcpSanctioned.Id)!.Session.State);
        var evaluation = await store.GetEvaluationAsync(run.Id, CancellationToken.None);
        var flagged = evaluation!.Findings.Where(f => f.IsActive).Select(f => (f.CheckId, f.ResourceId)).ToHashSet();
        Assert.Contains(("destination-in-foreign-account", "tms-0db0000000000bad1"), flagged);
        Assert.Contains(("destination-internet-facing", "tms-0pay000000000bad2"), flagged);
        Assert.Contains(("unapproved-destination", "edge-rtr2/session/7"), flagged);
        Assert.Contains(("erspan-destination-outside-sanctioned-networks", "edge-rtr2/session/7"), flagged);
        Assert.Contains(("created-from-unapproved-network", "edge-rtr2/session/7"), flagged);
        var erspanBy = attribution.Session("edge-rtr2/session/7")!.Session;
        Assert.Equal(("backup", "203.0.113.77"), (erspanBy.Actor, erspanBy.SourceIp));
        Assert.Equal("netops-admin", attribution.Session("core-sw1/session/1")!.Session.Actor);
        Assert.Contains(("created-by-unapproved-principal", "tms-0db0000000000bad1"), flagged);
        Assert.Contains(("created-from-unapproved-network", "tms-0db0000000000bad1"), flagged);
        Assert.Contains(("unattributed-missing", "tms-0pay000000000bad2"), flagged);
        Assert.Contains(("short-lived-mirror", "tms-0e0e0e0e0e0e00005"), flagged);
        Assert.Contains(("failed-create-attempts", "333333333333/arn:aws:iam::333333333333:user/contractor-7"), flagged);
        Assert.Contains(("destination-in-foreign-account", outside.Id), flagged);
        Assert.Contains(("destination-in-foreign-account", payments.Id), flagged);
        // Checks that read the inventory and candidates only: exactly these findings, sanctioned mirrors and
        // covered sources absent. coverage-gap names the prod ENIs, and the prod NIC, that no mirror sends to the NDR.
        var inventoryChecks = Core.Checks.CheckRegistry.CreateDefault().Metadata
            .Where(m => !m.Inputs.HasFlag(Core.Checks.CheckInputs.Audit)).Select(m => m.Id).ToHashSet();
        (string, string)[] Each(string check, params string[] resources) => [.. resources.Select(r => (check, r))];
        string[] accepting = [outside.Id, "edge-rtr2/session/7", payments.Id, "tms-0db0000000000bad1", "tms-0h0571e000000bad3", "tms-0pay000000000bad2"];
        (string, string)[] expected =
        [
            .. Each("accept-all-filter", accepting),
            .. Each("unapproved-destination", accepting),
            .. Each("coverage-gap", "/subscriptions/2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-payments/providers/Microsoft.Network/networkInterfaces/nic-payments01", "eni-0db0000000000001", "eni-0pay000000000001"),
            .. Each("destination-in-foreign-account", outside.Id, payments.Id, "tms-0db0000000000bad1"),
            .. Each("destination-internet-facing", "edge-rtr2/session/7", "tms-0h0571e000000bad3", "tms-0pay000000000bad2"),
            .. Each("erspan-destination-outside-sanctioned-networks", "edge-rtr2/session/7"),
            .. Each("full-packet-capture-of-sensitive-source", outside.Id, "tms-0db0000000000bad1"),
        ];
        Assert.Equal(expected.Order(), flagged.Where(f => inventoryChecks.Contains(f.CheckId)).Order());
        Assert.DoesNotContain(evaluation.NotEvaluated, n => n.CheckId == "coverage-gap");
        Assert.Contains("expired on 2025-12-31", Assert.Single(evaluation.Findings, f => f.CheckId == "accept-all-filter" && f.ResourceId == "tms-0pay000000000bad2").Note, StringComparison.Ordinal);
        Assert.Contains(("created-by-unapproved-principal", outside.Id), flagged);
        Assert.Contains(("created-from-unapproved-network", payments.Id), flagged);
        foreach (var clean in new[] { "tms-0ndrweb0000000001", "tms-0ndrweb0000000002", "tms-0stg000000000001", "core-sw1/session/1", sanctioned.Id, gcpSanctioned.Id })
        {
            Assert.DoesNotContain(flagged, f => f.ResourceId == clean);
        }

        Assert.True(root.GetProperty("findings").GetProperty("critical").GetInt32() >= 2);
        Assert.True(File.Exists(dir.File("out/demo-world.yaml")));
        Assert.True(File.Exists(dir.File("out/sanctioned-ndr.example.yaml")));
        Assert.True(File.Exists(dir.File("out/posturescan.json")));
        Assert.True(File.Exists(dir.File("out/report.html")));

        // The hostile mirror arrives whole in the store; the outputs are what must neutralise it.
        var hostile = Assert.Single(run.Sessions, s => s.Id == "tms-0h0571e000000bad3");
        Assert.StartsWith("=HYPERLINK(", hostile.Description, StringComparison.Ordinal);
        Assert.Contains("<script>", hostile.Description, StringComparison.Ordinal);
        Assert.Equal(100 * 1024, hostile.Tags["notes"].Length);
    }

    [Fact]
    public async Task Demo_without_json_prints_a_summary_table()
    {
        using var dir = new TemporaryDirectory();

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "demo");

        Assert.True(exit == 0, stderr);
        Assert.Contains("tms-0db0000000000bad1", stdout, StringComparison.Ordinal);
        Assert.Contains("Mirror sessions (12)", stdout, StringComparison.Ordinal);
        Assert.Contains("vtap-diag", stdout, StringComparison.Ordinal);
        Assert.Contains("Who created each mirror", stdout, StringComparison.Ordinal);
        Assert.Contains("unattributed-missing", stdout, StringComparison.Ordinal);
        Assert.Contains("Short-lived mirrors", stdout, StringComparison.Ordinal);
        Assert.Contains("tms-0e0e0e0e0e0e00005", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("posturescan-demo/posturescan.db")));
    }
}
