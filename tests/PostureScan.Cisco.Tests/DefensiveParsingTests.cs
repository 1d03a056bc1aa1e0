using System.Text.Json;
using PostureScan.Cisco.Parsing;

namespace PostureScan.Cisco.Tests;

/// <summary>Garbled and hostile lines are skipped and counted with their line numbers; the rest still parses.</summary>
public sealed class DefensiveParsingTests
{
    [Fact]
    public void Garbled_lines_inside_a_sub_mode_are_skipped_counted_and_kept_in_raw_json()
    {
        const string config = """
            hostname core-7
            monitor session 5 type erspan-source
             source interface Gi1/0/1
             bogus command here
             destination
              ip address 999.1.1.1
              ip address 192.0.2.5
              erspan-id 5
             no shutdown
            """;

        var parsed = CiscoDeviceParser.Parse(config);

        var session = Assert.Single(Fixture.SessionsOf(parsed, "core-7.txt"));
        Assert.Equal("core-7/session/5 | erspan-source | enabled | interface:Gi1/0/1:both -> erspan 192.0.2.5 | erspan-id 5", SessionText.Render(session));
        Assert.Equal([(4, "unknown monitor command"), (6, "bad IP address")], parsed.AllIssues.Select(i => (i.Line, i.Reason)));
        using var json = JsonDocument.Parse(session.RawJson!);
        Assert.Equal([4, 6], json.RootElement.GetProperty("skipped").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(2, json.RootElement.GetProperty("skippedCount").GetInt32());
    }

    [Fact]
    public void A_monitor_line_without_a_session_number_is_a_file_issue()
    {
        var parsed = CiscoDeviceParser.Parse("hostname x\nmonitor session abc source interface Gi1/0/1\nmonitor session 2 source vlan 5\n");

        var issue = Assert.Single(parsed.FileIssues);
        Assert.Equal(2, issue.Line);
        Assert.Single(parsed.Sessions);
    }

    [Fact]
    public void An_overlong_monitor_line_is_skipped_but_an_overlong_banner_is_ignored()
    {
        var longTail = new string('x', TextLines.MaxLineLength + 10);
        var config = $"hostname x\nbanner motd ^{longTail}^\nmonitor session 3 description {longTail}\nmonitor session 4 source interface Gi1/0/9\n";

        var parsed = CiscoDeviceParser.Parse(config);

        Assert.Equal([3], parsed.FileIssues.Select(i => i.Line));
        Assert.Equal([4], parsed.Sessions.Select(s => s.Number));
    }

    [Fact]
    public void A_bad_value_in_a_one_line_command_stays_with_its_session()
    {
        var parsed = CiscoDeviceParser.Parse("monitor session 9 source interface Gi1/0/1 - 9999\nmonitor session 9 destination remote vlan 5000\n");

        var session = Assert.Single(parsed.Sessions);
        Assert.Equal([(1, "bad interface list"), (2, "bad VLAN")], session.Issues.Select(i => (i.Line, i.Reason)));
        Assert.Empty(session.Sources);
        Assert.Null(session.DestinationVlan);
    }

    [Fact]
    public void Hostile_description_is_bounded_and_stripped_of_control_characters()
    {
        var description = "evil\u001b[31m" + new string('d', 500);
        var parsed = CiscoDeviceParser.Parse($"monitor session 1 type erspan-source\n description {description}\n");

        var text = Assert.Single(parsed.Sessions).Description!;
        Assert.DoesNotContain('\u001b', text);
        Assert.True(text.Length <= MonitorCommand.MaxDescription + 1);
    }

    [Fact]
    public void Unknown_show_fields_are_counted_inside_their_session()
    {
        const string show = """
            sw9#show monitor session all
            Session 1
            ---------
            Type                   : Local Session
            Source Ports           :
                Both               : Gi1/0/3
            Frobnicate             : yes
            Destination Ports      : Gi1/0/4
            no colon here at all
            sw9#
            """;

        var parsed = CiscoDeviceParser.Parse(show);

        Assert.Equal("sw9", parsed.DeviceName);
        Assert.Equal([(7, "unknown field"), (9, "not a field")], parsed.AllIssues.Select(i => (i.Line, i.Reason)));
        Assert.Equal(["Gi1/0/4"], Assert.Single(parsed.Sessions).DestinationInterfaces);
    }

    [Fact]
    public void Binary_and_unrecognised_files_fail_with_a_line_number()
    {
        var binary = CiscoDeviceParser.Parse("hostname a\nmonitor\nx\0y\n");
        var prose = CiscoDeviceParser.Parse("Dear team,\nplease find the switch configs attached.\n");

        Assert.Equal((DeviceFormat.Unknown, 3), (binary.Format, binary.Failure!.Line));
        Assert.Equal((DeviceFormat.Unknown, 1), (prose.Format, prose.Failure!.Line));
    }

    [Fact]
    public void A_config_without_monitor_sessions_is_a_config_with_no_sessions()
    {
        var parsed = CiscoDeviceParser.Parse("version 17.9\nhostname quiet-sw\ninterface Gi1/0/1\n shutdown\n");

        Assert.Equal((DeviceFormat.RunningConfig, "quiet-sw"), (parsed.Format, parsed.DeviceName));
        Assert.Empty(parsed.Sessions);
        Assert.Null(parsed.Failure);
    }

    [Fact]
    public void A_hostile_hostname_is_not_used_as_device_name()
    {
        var parsed = CiscoDeviceParser.Parse("hostname ../../etc/passwd\nmonitor session 1 source interface Gi1/0/1\n");

        Assert.Null(parsed.DeviceName);
    }
}
