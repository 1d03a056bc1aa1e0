using System.Text.Json;
using PostureScan.Core.Attribution;
using PostureScan.Core.Findings;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests;

/// <summary>Cisco devices through the built executable: detect over device logs, and scan --provider cisco with attribution and policy.</summary>
public sealed class CiscoCommandTests
{
    private const string Syslog = """
        <189>7101: wan-rtr9: Mar  4 2025 09:14:01.120: %PARSER-5-CFGLOG_LOGGEDCMD: User:localadm  logged command:monitor session 30 type erspan-source
        <189>7102: wan-rtr9: Mar  4 2025 09:14:04.551: %PARSER-5-CFGLOG_LOGGEDCMD: User:localadm  logged command:source interface Gi0/0/3 both
        <189>7103: wan-rtr9: Mar  4 2025 09:14:07.200: %PARSER-5-CFGLOG_LOGGEDCMD: User:localadm  logged command:destination
        <189>7104: wan-rtr9: Mar  4 2025 09:14:09.001: %PARSER-5-CFGLOG_LOGGEDCMD: User:localadm  logged command:ip address 203.0.113.45
        <189>7105: wan-rtr9: Mar  4 2025 09:14:15.660: %SYS-5-CONFIG_I: Configured from console by localadm on vty2 (203.0.113.200)

        """;

    private const string Tacacs =
        "Mar  4 10:05:10\t10.61.0.4\tnetops-admin\ttty2\t10.100.11.10\tstop\ttask_id=91\ttimezone=UTC\tservice=shell\tpriv-lvl=15\tcmd=monitor session 1 source interface GigabitEthernet1/0/5 both <cr>\n"
        + "Mar  4 10:05:14\t10.61.0.4\tnetops-admin\ttty2\t10.100.11.10\tstop\ttask_id=92\ttimezone=UTC\tservice=shell\tpriv-lvl=15\tcmd=monitor session 1 destination interface GigabitEthernet1/0/48 <cr>\n";

    private const string Router = """
        hostname wan-rtr9
        !
        monitor session 30 type erspan-source
         source interface Gi0/0/3 both
         no shutdown
         destination
          erspan-id 30
          ip address 203.0.113.45
          origin ip address 10.150.7.1
        !
        end
        """;

    private const string Switch = """
        hostname dist-sw4
        !
        monitor session 1 source interface Gi1/0/5 both
        monitor session 1 destination interface Gi1/0/48
        !
        end
        """;

    private const string Policy = """
        version: 1
        collectors:
          - name: ndr-span
            interfaces: [dist-sw4/GigabitEthernet1/0/48]
        principals: [netops-admin]
        sourceNetworks: [10.0.0.0/8]
        erspanNetworks: [10.0.0.0/8]
        """;

    [Fact]
    public async Task Detect_reports_cisco_mirror_commands_from_syslog_and_tacacs_with_platform_cisco()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.File("router.log"), Syslog);
        File.WriteAllText(dir.File("acct.log"), Tacacs);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "detect", dir.File("router.log"), dir.File("acct.log"), "--format", "jsonl");

        Assert.True(exit == 0, stderr);
        var events = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, events.Count);
        Assert.All(events, e => Assert.Equal("Cisco", e.GetProperty("platform").GetString()));
        var create = events.Single(e => e.GetProperty("eventName").GetString() == "monitor session 30 type erspan-source");
        Assert.Equal(
            ("2025-03-04T09:14:01.12Z", "localadm", "203.0.113.200", "create", "success", "wan-rtr9"),
            (create.GetProperty("time").GetString(), create.GetProperty("actor").GetString(), create.GetProperty("sourceIp").GetString(),
                create.GetProperty("action").GetString(), create.GetProperty("outcome").GetString(), create.GetProperty("scope").GetString()));
        var subMode = events.Single(e => e.GetProperty("eventName").GetString() == "ip address 203.0.113.45");
        Assert.Equal(("modify", "wan-rtr9/session/30"), (subMode.GetProperty("action").GetString(), subMode.GetProperty("resourceIds")[0].GetString()));
        Assert.Contains("10.61.0.4/session/1", stdout, StringComparison.Ordinal); // without configuration the NAS address names the device
    }

    [Fact]
    public async Task Detect_on_files_names_devices_from_the_cisco_section_of_config()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.File("acct.log"), Tacacs);
        File.WriteAllText(dir.File("config.json"), JsonSerializer.Serialize(new
        {
            Cisco = new { Directory = dir.Path, DeviceNames = new Dictionary<string, string> { ["10.61.0.4"] = "dist-sw4" } },
        }));

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "detect", dir.File("acct.log"), "--config", dir.File("config.json"), "--format", "jsonl");

        Assert.True(exit == 0, stderr);
        Assert.Contains("dist-sw4/session/1", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("10.61.0.4/session/1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_provider_cisco_attributes_device_sessions_and_reports_the_erspan_to_an_outside_address()
    {
        using var dir = new TemporaryDirectory();
        Directory.CreateDirectory(dir.File("devices"));
        Directory.CreateDirectory(dir.File("logs"));
        File.WriteAllText(dir.File("devices/wan-rtr9.cfg"), Router);
        File.WriteAllText(dir.File("devices/dist-sw4.cfg"), Switch);
        File.WriteAllText(dir.File("logs/router.log"), Syslog);
        File.WriteAllText(dir.File("logs/acct.log"), Tacacs);
        File.WriteAllText(dir.File("policy.yaml"), Policy);
        File.WriteAllText(dir.File("config.json"), JsonSerializer.Serialize(new
        {
            Cisco = new { Directory = dir.File("devices"), DeviceNames = new Dictionary<string, string> { ["10.61.0.4"] = "dist-sw4" } },
            Audit = new { LookbackDays = 3650, Sources = new[] { new { Name = "device-logs", Type = "files", Paths = new[] { dir.File("logs") } } } },
        }));

        var (exit, stdout, stderr) = await CliProcess.RunAsync(
            dir.Path, "scan", "--config", dir.File("config.json"), "--provider", "cisco", "--policy", dir.File("policy.yaml"), "--db", dir.File("s.db"), "--json");

        Assert.True(exit == 0, stderr);
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal(2, summary.RootElement.GetProperty("sessions").GetProperty("cisco").GetInt32());
        await using var store = await SqliteRunStore.OpenAsync(dir.File("s.db"), TimeProvider.System, CancellationToken.None);
        var run = (await store.GetLatestRunAsync(CancellationToken.None))!;
        var audit = (await store.GetAuditRunAsync(run.Id, CancellationToken.None))!;
        var erspan = audit.Session("wan-rtr9/session/30")!.Session;
        Assert.Equal((AttributionState.Attributed, "localadm", "203.0.113.200"), (erspan.State, erspan.Actor, erspan.SourceIp));
        var span = audit.Session("dist-sw4/session/1")!.Session;
        Assert.Equal((AttributionState.Attributed, "netops-admin", "10.100.11.10"), (span.State, span.Actor, span.SourceIp));

        var findings = (await store.GetEvaluationAsync(run.Id, CancellationToken.None))!.Findings.Where(f => f.IsActive).Select(f => (f.CheckId, f.ResourceId)).ToHashSet();
        Assert.Contains(("erspan-destination-outside-sanctioned-networks", "wan-rtr9/session/30"), findings);
        Assert.Contains(("unapproved-destination", "wan-rtr9/session/30"), findings);
        Assert.Contains(("created-by-unapproved-principal", "wan-rtr9/session/30"), findings);
        Assert.Contains(("created-from-unapproved-network", "wan-rtr9/session/30"), findings);
        Assert.DoesNotContain(findings, f => f.ResourceId.StartsWith("dist-sw4/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provider_named_twice_is_scanned_once()
    {
        using var dir = new TemporaryDirectory();
        Directory.CreateDirectory(dir.File("devices"));
        File.WriteAllText(dir.File("devices/wan-rtr9.cfg"), Router);
        File.WriteAllText(dir.File("config.json"), JsonSerializer.Serialize(new { Cisco = new { Directory = dir.File("devices") } }));

        var (exit, stdout, stderr) = await CliProcess.RunAsync(
            dir.Path, "scan", "--config", dir.File("config.json"), "--provider", "cisco,CISCO", "--provider", "cisco", "--db", dir.File("s.db"), "--json");

        Assert.True(exit == 0, stderr);
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal(1, summary.RootElement.GetProperty("sessions").GetProperty("cisco").GetInt32());
    }

    [Fact]
    public async Task Scan_provider_cisco_with_a_coverage_rule_reports_the_uncovered_port_and_the_device_it_cannot_list()
    {
        const string AccessSwitch = """
            hostname acc-sw5
            !
            interface GigabitEthernet1/0/5
             description POS lane 5
             switchport access vlan 10
            !
            interface GigabitEthernet1/0/6
             description POS lane 6
             switchport access vlan 10
            !
            interface GigabitEthernet1/0/7
             description printer
             switchport access vlan 20
            !
            interface GigabitEthernet1/0/8
             description POS lane 8, spare
             switchport access vlan 10
             shutdown
            !
            monitor session 1 source interface Gi1/0/5 both
            monitor session 1 destination interface Gi1/0/48
            end
            """;
        const string ShowOnly = """
            leaf-n9k-3# show monitor session all
               session 1
            ---------------
            type              : local
            state             : up
            source intf       :
                both          : Eth1/7
            destination ports : Eth1/48
            """;
        const string CoveragePolicy = """
            version: 1
            collectors:
              - name: ndr-span
                interfaces: ["*/Gi1/0/48", "*/Eth1/48"]
            coverage:
              - name: pos-lanes
                collector: ndr-span
                providers: [cisco]
                descriptions: ["POS *"]
            """;
        using var dir = new TemporaryDirectory();
        Directory.CreateDirectory(dir.File("devices"));
        File.WriteAllText(dir.File("devices/acc-sw5.cfg"), AccessSwitch);
        File.WriteAllText(dir.File("devices/leaf-n9k-3.txt"), ShowOnly);
        File.WriteAllText(dir.File("policy.yaml"), CoveragePolicy);
        File.WriteAllText(dir.File("config.json"), JsonSerializer.Serialize(new { Cisco = new { Directory = dir.File("devices") } }));

        var validate = await CliProcess.RunAsync(dir.Path, "policy", "validate", dir.File("policy.yaml"));
        Assert.True(validate.Exit == 0, validate.Err);

        var (exit, _, stderr) = await CliProcess.RunAsync(
            dir.Path, "scan", "--config", dir.File("config.json"), "--provider", "cisco", "--policy", dir.File("policy.yaml"), "--db", dir.File("s.db"), "--json");

        Assert.True(exit == 0, stderr);
        await using var store = await SqliteRunStore.OpenAsync(dir.File("s.db"), TimeProvider.System, CancellationToken.None);
        var run = (await store.GetLatestRunAsync(CancellationToken.None))!;
        var coverage = (await store.GetEvaluationAsync(run.Id, CancellationToken.None))!.Findings
            .Where(f => f.CheckId == "coverage-gap")
            .Select(f => (f.Status, f.ResourceId))
            .Order()
            .ToList();
        Assert.Equal(
            [(FindingStatus.New, "acc-sw5/GigabitEthernet1/0/6"), (FindingStatus.Error, "cisco/leaf-n9k-3/global")],
            coverage);
    }
}
