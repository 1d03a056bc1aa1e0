using System.Text.Json.Nodes;
using PostureScan.Core.Attribution;
using static PostureScan.Tests.Attribution.AuditScan;

namespace PostureScan.Tests.Attribution;

/// <summary>
/// Each provider's mirrors attributed from its audit API, end to end: the inventory and the audit source
/// through the real clients against the emulator, the correlation, and the store.
/// </summary>
public sealed class ProviderAttributionTests
{
    private const string Subscription = "5d0c6a1e-7b2f-4c3d-9e8f-1a2b3c4d5e6f";
    private const string TapId = $"/subscriptions/{Subscription}/resourceGroups/rg-ndr/providers/Microsoft.Network/virtualNetworkTaps/vtap-ids";
    private const string Web01Configuration = $"/subscriptions/{Subscription}/resourceGroups/rg-web/providers/Microsoft.Network/networkInterfaces/nic-web01/tapConfigurations/tapcfg-ids";
    private const string Web02Configuration = $"/subscriptions/{Subscription}/resourceGroups/rg-web/providers/Microsoft.Network/networkInterfaces/nic-web02/tapConfigurations/tapcfg-ids";
    private const string Mirroring = "projects/prj-shop/regions/europe-west1/packetMirrorings/pm-web";

    private const string AwsAccount = """
        - id: "111111111111"
          regions:
            - name: us-east-1
              targets: [{ id: tmt-0a0000000000000a1, type: network-interface, networkInterfaceId: eni-0a00000000000ta1 }]
              filters: [{ id: tmf-0a0000000000000f1, rules: [{ id: tmfr-0a00000000000r1, direction: ingress, ruleNumber: 1, action: accept }] }]
              sessions: [{ id: tms-0a0000000000000s1, targetId: tmt-0a0000000000000a1, filterId: tmf-0a0000000000000f1, networkInterfaceId: eni-0a00000000000s1, sessionNumber: 1 }]
        """;

    private static readonly string TrailEvents = $$"""
        cloudTrail:
          - account: "111111111111"
            region: us-east-1
            events:
              - { time: {{At(TimeSpan.FromDays(-3))}}, name: CreateTrafficMirrorTarget, actor: "arn:aws:iam::111111111111:user/netops", sourceIp: 198.51.100.10, resourceId: tmt-0a0000000000000a1, id: ev-target }
              - { time: {{At(TimeSpan.FromDays(-3) + TimeSpan.FromMinutes(1))}}, name: CreateTrafficMirrorFilter, actor: "arn:aws:iam::111111111111:user/netops", sourceIp: 198.51.100.10, resourceId: tmf-0a0000000000000f1, id: ev-filter }
              - { time: {{At(TimeSpan.FromDays(-3) + TimeSpan.FromMinutes(2))}}, name: CreateTrafficMirrorFilterRule, actor: "arn:aws:iam::111111111111:user/netops", sourceIp: 198.51.100.10, resourceId: tmfr-0a00000000000r1, relatedIds: [tmf-0a0000000000000f1], id: ev-rule }
              - { time: {{At(TimeSpan.FromDays(-3) + TimeSpan.FromMinutes(3))}}, name: CreateTrafficMirrorSession, actor: "arn:aws:sts::111111111111:assumed-role/NetAdmin/carol", sourceIp: 198.51.100.11, resourceId: tms-0a0000000000000s1, relatedIds: [tmt-0a0000000000000a1, tmf-0a0000000000000f1, eni-0a00000000000s1], id: ev-session }
              - { time: {{At(TimeSpan.FromDays(-1))}}, name: ModifyTrafficMirrorSession, actor: "arn:aws:iam::111111111111:user/netops", sourceIp: 198.51.100.12, resourceId: tms-0a0000000000000s1, id: ev-modify }
        """;

    private static void AssertAwsParts(AuditScanResult scan)
    {
        var session = Assert.Single(scan.Stored.Report.Sessions);
        Assert.Equal(["session", "target", "filter", "filter-rule"], session.Parts.Select(p => p.Kind));
        Assert.All(session.Parts, p => Assert.Equal(AttributionState.Attributed, p.Attribution.State));
        Assert.Equal(["ev-session", "ev-target", "ev-filter", "ev-rule"], session.Parts.Select(p => p.Attribution.EventIds[0]));
        var s = session.Session;
        Assert.Equal(("arn:aws:sts::111111111111:assumed-role/NetAdmin/carol", "198.51.100.11"), (s.Actor, s.SourceIp));
        Assert.Equal(("arn:aws:iam::111111111111:role/NetAdmin", "carol"), (s.SessionIssuer, s.RoleSessionName));
        Assert.Equal(Now.AddDays(-3).AddMinutes(3), s.CreatedAt);
        Assert.Equal(("ModifyTrafficMirrorSession", "ev-modify", "198.51.100.12"), Assert.Single(s.Changes) is var c ? (c.EventName, c.EventId, c.SourceIp) : default);
        // The rule was added to the filter: a change of the filter that names the rule.
        Assert.Equal("tmfr-0a00000000000r1", Assert.Single(scan.Part("tmf-0a0000000000000f1").Changes).ResourceId);
    }

    [Fact]
    public async Task Aws_mirrors_are_attributed_part_by_part_from_LookupEvents()
    {
        await using var scan = await StartAsync(World(AwsAccount, audit: TrailEvents), Lookup(0));

        var result = await scan.ScanAsync("aws");

        AssertAwsParts(result);
        var status = Assert.Single(result.Audit.Sources, s => s.Scope is null);
        Assert.Equal((5L, 5L), (status.Matched, status.Stored));
        Assert.Contains(scan.Host.Counters.AuditQueries, q => q.Service == "cloudtrail" && q.Scope == "111111111111/us-east-1");
        Assert.Equal(0, scan.Host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task A_refused_AWS_call_after_the_creation_is_shown_as_refused_and_does_not_move_last_changed_at()
    {
        var refusedCalls = $$"""

                  - { time: {{At(TimeSpan.FromHours(-2))}}, name: ModifyTrafficMirrorSession, actor: "arn:aws:iam::111111111111:user/mallory", sourceIp: 203.0.113.66, resourceId: tms-0a0000000000000s1, errorCode: Client.DryRunOperation, id: ev-dry-run }
                  - { time: {{At(TimeSpan.FromHours(-1))}}, name: DeleteTrafficMirrorSession, actor: "arn:aws:iam::111111111111:user/mallory", sourceIp: 203.0.113.66, resourceId: tms-0a0000000000000s1, errorCode: Client.UnauthorizedOperation, id: ev-denied }
            """;
        await using var scan = await StartAsync(World(AwsAccount, audit: TrailEvents + refusedCalls.TrimEnd()), Lookup(0));

        var result = await scan.ScanAsync("aws");

        var session = Assert.Single(result.Stored.Report.Sessions);
        var s = session.Session;
        Assert.Equal((AttributionState.Attributed, "ev-session"), (s.State, s.EventIds[0]));
        Assert.Equal(["ev-modify"], s.Changes.Select(c => c.EventId));
        Assert.Equal([("ev-dry-run", "Client.DryRunOperation"), ("ev-denied", "Client.UnauthorizedOperation")], s.Refused.Select(c => (c.EventId, c.ErrorCode)));
        Assert.Equal(["ev-modify", "ev-dry-run", "ev-denied"], session.Timeline().Select(t => t.Change.EventId).Where(id => id is "ev-modify" or "ev-dry-run" or "ev-denied"));

        // The export's last change is the modify, not the refused delete after it.
        var (exit, _, stderr) = await CliProcess.RunAsync(scan.Folder, "export", "--format", "csv", "--out", "mirrors.csv", "--db", scan.Database);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var csv = await File.ReadAllTextAsync(Path.Combine(scan.Folder, "mirrors.csv"));
        var modified = Now.AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($",arn:aws:iam::111111111111:user/netops,{modified},", csv, StringComparison.Ordinal);
        Assert.Contains("2 refused call(s), last DeleteTrafficMirrorSession by arn:aws:iam::111111111111:user/mallory", csv, StringComparison.Ordinal);

        // show lists the refused calls in the timeline, each with its error code.
        var (showExit, stdout, showError) = await CliProcess.RunAsync(scan.Folder, "show", "tms-0a0000000000000s1", "--db", scan.Database);
        Assert.True(showExit == 0, $"exit {showExit}: {showError}");
        Assert.Contains("ev-dry-run", stdout, StringComparison.Ordinal);
        Assert.Contains("failure (Client.DryRunOperation)", stdout, StringComparison.Ordinal);
        Assert.Contains("ev-denied", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aws_mirrors_are_attributed_from_the_trail_archive_in_S3()
    {
        var buckets = "trailBuckets: [{ name: org-trail, prefix: security, accounts: [\"111111111111\"] }]";
        await using var scan = await StartAsync(
            World(AwsAccount, audit: TrailEvents + "\n" + buckets),
            ("Sources:0:Name", "archive"), ("Sources:0:Type", "aws-s3"), ("Sources:0:Bucket", "org-trail"), ("Sources:0:Prefix", "security"));

        var result = await scan.ScanAsync("aws");

        AssertAwsParts(result);
        Assert.Equal(0, scan.Host.Counters.Calls("LookupEvents"));
        Assert.Contains(scan.Host.Counters.ListedPrefixes.Keys, p => p.StartsWith("org-trail/security/AWSLogs/111111111111/CloudTrail/us-east-1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Azure_vtaps_and_their_tap_configurations_are_attributed_from_the_Activity_Log_whatever_the_case_of_the_logged_id()
    {
        var subscription = $$"""
            - id: {{Subscription}}
              tenantId: {{Tenant}}
              displayName: prod
              virtualNetworkTaps:
                - name: vtap-ids
                  resourceGroup: rg-ndr
                  location: westeurope
                  destinationNetworkInterfaceIPConfiguration: /subscriptions/{{Subscription}}/resourceGroups/rg-ndr/providers/Microsoft.Network/networkInterfaces/nic-sensor/ipConfigurations/ipconfig1
                  destinationPort: 4789
              networkInterfaces:
                - name: nic-web01
                  resourceGroup: rg-web
                  location: westeurope
                  ipConfigurations: [{ name: ipconfig1, privateIPAddress: 10.60.1.4 }]
                  tapConfigurations: [{ name: tapcfg-ids, virtualNetworkTap: "{{TapId}}" }]
                - name: nic-web02
                  resourceGroup: rg-web
                  location: westeurope
                  ipConfigurations: [{ name: ipconfig1, privateIPAddress: 10.60.1.5 }]
                  tapConfigurations: [{ name: tapcfg-ids, virtualNetworkTap: "{{TapId}}" }]
            """;
        var audit = $$"""
            activityLogs:
              - subscription: {{Subscription}}
                events:
                  - { time: {{At(TimeSpan.FromDays(-5))}}, name: MICROSOFT.NETWORK/VIRTUALNETWORKTAPS/WRITE, actor: dana@contoso.example, sourceIp: 192.0.2.41, resourceId: "{{TapId.ToUpperInvariant()}}", id: az-create }
                  - { time: {{At(TimeSpan.FromDays(-5) + TimeSpan.FromMinutes(4))}}, name: MICROSOFT.NETWORK/NETWORKINTERFACES/TAPCONFIGURATIONS/WRITE, actor: dana@contoso.example, sourceIp: 192.0.2.41, resourceId: "{{Web01Configuration.ToUpperInvariant()}}", id: az-tapcfg }
                  - { time: {{At(TimeSpan.FromDays(-2))}}, name: Microsoft.Network/virtualNetworkTaps/write, actor: {{ClientId}}, sourceIp: 192.0.2.42, resourceId: "{{TapId}}", id: az-update }
                  - { time: {{At(TimeSpan.FromDays(-2) + TimeSpan.FromMinutes(1))}}, name: Microsoft.Network/networkInterfaces/tapConfigurations/write, actor: mallory@contoso.example, sourceIp: 203.0.113.7, resourceId: "{{Web01Configuration}}", id: az-tapcfg-update }
                  - { time: {{At(TimeSpan.FromDays(-1))}}, name: Microsoft.Network/virtualNetworkTaps/delete, actor: mallory@contoso.example, sourceIp: 203.0.113.7, resourceId: "{{TapId}}", errorCode: Conflict, id: az-refused }
            """;
        var world = World(azureSubscriptions: subscription, audit: audit);
        await using var scan = await StartAsync(world, Activity(0));

        var result = await scan.ScanAsync("azure");

        var attribution = Assert.Single(result.Stored.Report.Sessions);
        var tap = attribution.Session;
        Assert.Equal(AttributionState.Attributed, tap.State);
        Assert.Equal(TapId, tap.ResourceId);
        Assert.Equal(("dana@contoso.example", "192.0.2.41", "az-create"), (tap.Actor, tap.SourceIp, tap.EventIds[0]));
        Assert.Equal(Now.AddDays(-5), tap.CreatedAt);
        // The update follows, each call once (not its BeginRequest as well); the refused delete changed nothing and is kept apart.
        Assert.Equal(["az-update"], tap.Changes.Select(c => c.EventId));
        Assert.Equal(("az-refused", "Conflict"), Assert.Single(tap.Refused) is var refused ? (refused.EventId, refused.ErrorCode) : default);
        Assert.Contains(scan.Host.Counters.AuditQueries, q => q.Service == "activitylog" && q.Scope == Subscription);

        // Each NIC's tap configuration is a part of the vTAP: web01's attributed from its own write (logged upper-case),
        // with the later rewrite as a change; web02's write is not in the window that covers its creation.
        var configurations = attribution.Parts.Where(p => p.Kind == PartKinds.TapConfiguration).Select(p => p.Attribution).ToList();
        Assert.Equal([Web01Configuration, Web02Configuration], configurations.Select(c => c.ResourceId).Order(StringComparer.Ordinal));
        var web01 = configurations.Single(c => c.ResourceId == Web01Configuration);
        Assert.Equal((AttributionState.Attributed, "dana@contoso.example", "az-tapcfg", Now.AddDays(-5).AddMinutes(4)), (web01.State, web01.Actor, web01.EventIds[0], web01.CreatedAt));
        Assert.Equal(("az-tapcfg-update", "203.0.113.7"), Assert.Single(web01.Changes) is var change ? (change.EventId, change.SourceIp) : default);
        Assert.Equal(AttributionState.UnattributedMissing, configurations.Single(c => c.ResourceId == Web02Configuration).State);
        Assert.Equal(["az-create", "az-tapcfg", "az-update", "az-tapcfg-update", "az-refused"], attribution.Timeline().Select(t => t.Change.EventId));

        // show prints the parts and one timeline; the JSON export carries each part's attribution.
        var (exit, stdout, stderr) = await CliProcess.RunAsync(scan.Folder, "show", TapId, "--db", scan.Database);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Contains("tap-configuration", stdout, StringComparison.Ordinal);
        Assert.Contains("az-tapcfg-update", stdout, StringComparison.Ordinal);
        Assert.Contains("networkInterfaces/nic-web01/tapConfigurations/tapcfg-ids", stdout, StringComparison.Ordinal); // the NIC tells the two apart
        Assert.Contains("networkInterfaces/nic-web02/tapConfigurations/tapcfg-ids", stdout, StringComparison.Ordinal);
        Assert.Contains("unattributed-missing", stdout, StringComparison.Ordinal);
        var (byPartExit, byPart, _) = await CliProcess.RunAsync(scan.Folder, "show", Web02Configuration.ToUpperInvariant(), "--db", scan.Database);
        Assert.Equal((0, stdout), (byPartExit, byPart)); // a tap configuration's id shows its vTAP
        (exit, _, stderr) = await CliProcess.RunAsync(scan.Folder, "export", "--format", "json", "--out", "export.json", "--db", scan.Database);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var mirror = Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(scan.Folder, "export.json")))!["mirrors"]!.AsArray())!;
        var exported = mirror["parts"]!.AsArray().Where(p => p!["kind"]!.GetValue<string>() == "tap-configuration").ToList();
        Assert.Equal(2, exported.Count);
        var exportedWeb01 = exported.Single(p => p!["resourceId"]!.GetValue<string>() == Web01Configuration)!["attribution"]!;
        Assert.Equal(("attributed", "dana@contoso.example"), (exportedWeb01["state"]!.GetValue<string>(), exportedWeb01["actor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Gcp_packet_mirrorings_are_attributed_from_Cloud_Logging()
    {
        var project = """
            - id: prj-shop
              regions:
                - name: europe-west1
                  forwardingRules: [{ name: fr-ndr, ipAddress: 10.1.0.9, network: vpc }]
                  packetMirrorings:
                    - { name: pm-web, network: vpc, collectorIlb: fr-ndr, mirroredResources: { tags: [web] } }
            """;
        var audit = $$"""
            cloudLogging:
              - project: prj-shop
                events:
                  - { time: {{At(TimeSpan.FromDays(-4))}}, name: v1.compute.packetMirrorings.insert, actor: eve@outsider.example, sourceIp: 203.0.113.20, resourceId: {{Mirroring}}, errorCode: "7", id: gcp-denied }
                  - { time: {{At(TimeSpan.FromDays(-4) + TimeSpan.FromMinutes(5))}}, name: v1.compute.packetMirrorings.insert, actor: ops@shop.example, sourceIp: 192.0.2.20, resourceId: {{Mirroring}}, id: gcp-insert }
                  - { time: {{At(TimeSpan.FromDays(-1))}}, name: v1.compute.packetMirrorings.patch, actor: ci@prj-shop.iam.gserviceaccount.com, sourceIp: 192.0.2.21, resourceId: {{Mirroring}}, id: gcp-patch }
            """;
        var world = World(gcpProjects: project, audit: audit);
        await using var scan = await StartAsync(world);
        scan.Configure([.. scan.Logging(0).Select(s => ("Audit:" + s.Item1, s.Item2))]);

        var result = await scan.ScanAsync("gcp");

        var mirroring = Assert.Single(result.Stored.Report.Sessions).Session;
        Assert.Equal(AttributionState.Attributed, mirroring.State);
        Assert.EndsWith(Mirroring, mirroring.ResourceId, StringComparison.Ordinal);
        Assert.Equal(("ops@shop.example", "192.0.2.20", "gcp-insert"), (mirroring.Actor, mirroring.SourceIp, mirroring.EventIds[0]));
        // The insert refused before the creation changed nothing: it is not a change, yet stays as evidence.
        Assert.Equal(["gcp-patch"], mirroring.Changes.Select(c => c.EventId));
        Assert.Equal("gcp-denied", Assert.Single(mirroring.BeforeCreation).EventId);
        var refused = Assert.Single(result.Stored.Report.FailedAttempts);
        Assert.Equal(("gcp-denied", "eve@outsider.example"), (refused.EventId, refused.Actor));
        Assert.Contains(scan.Host.Counters.AuditQueries, q => q.Service == "logging" && q.Scope == "prj-shop");
    }
}
