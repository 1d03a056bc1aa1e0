using PostureScan.Cisco.Accounting;

namespace PostureScan.Cisco.Tests;

public sealed class AccountingParserTests
{
    [Fact]
    public void Logged_command_with_sequence_and_host_gives_user_device_time_command_and_session()
    {
        const string line = "<189>880102: dist-9300-b: Mar  4 2025 09:14:02.310: %PARSER-5-CFGLOG_LOGGEDCMD: User:jdoe  logged command:monitor session 61 type erspan-source";

        Assert.True(CiscoSyslogParser.TryParse(line, 2000, out var e));

        Assert.Equal(
            new CiscoCommandEvent(CommandEventKind.LoggedCommand, new DateTimeOffset(2025, 3, 4, 9, 14, 2, 310, TimeSpan.Zero),
                "dist-9300-b", "jdoe", null, null, "monitor session 61 type erspan-source", 61),
            e);
    }

    [Fact]
    public void Sub_mode_command_has_no_session_number()
    {
        const string line = "<189>880104: dist-9300-b: Mar  4 2025 09:14:09.001: %PARSER-5-CFGLOG_LOGGEDCMD: User:jdoe  logged command:ip address 198.51.100.61";

        Assert.True(CiscoSyslogParser.TryParse(line, 2000, out var e));

        Assert.Equal(("ip address 198.51.100.61", (int?)null), (e!.Command, e.SessionNumber));
    }

    [Theory]
    [InlineData("<189>4417: Mar  4 2025 09:15:00.120: %SYS-5-CONFIG_I: Configured from console by jdoe on vty1 (10.9.8.7)", null, 2025)]
    [InlineData("<189>: Mar  4 2025 09:15:00.120: %SYS-5-CONFIG_I: Configured from console by jdoe on vty1 (10.9.8.7)", null, 2025)]
    [InlineData("<189>: acc-9300-07: Mar  4 09:15:00.120: %SYS-5-CONFIG_I: Configured from console by jdoe on vty1 (10.9.8.7)", "acc-9300-07", 2031)]
    public void Config_exit_lines_with_or_without_sequence_host_and_year(string line, string? device, int year)
    {
        Assert.True(CiscoSyslogParser.TryParse(line, 2031, out var e));

        Assert.Equal(CommandEventKind.ConfigExit, e!.Kind);
        Assert.Equal((device, "jdoe", "vty1", "10.9.8.7"), (e.Device, e.User, e.Line, e.SourceAddress));
        Assert.Equal(new DateTimeOffset(year, 3, 4, 9, 15, 0, 120, TimeSpan.Zero), e.Time);
    }

    [Theory]
    [InlineData("<189>1: Mar  4 2025 09:15:00.120: %LINK-3-UPDOWN: Interface Gi1/0/1, changed state to up")]
    [InlineData("Mar  4 2025 09:15:00.120: %PARSER-5-CFGLOG_LOGGEDCMD: no user here")]
    [InlineData("not syslog at all")]
    [InlineData("")]
    public void Other_lines_are_not_command_events(string line)
    {
        Assert.False(CiscoSyslogParser.TryParse(line, 2025, out var e));
        Assert.Null(e);
    }

    [Fact]
    public void Tab_separated_tac_plus_record_with_monitor_command()
    {
        const string line = "Mar  4 09:14:02\t10.60.0.7\tjdoe\ttty4\t10.9.8.7\tstop\ttask_id=912\ttimezone=UTC\tservice=shell\tpriv-lvl=15\tcmd=monitor session 61 source interface GigabitEthernet2/0/20 both <cr>";

        Assert.True(TacacsAccountingParser.TryParse(line, 2025, out var e));

        Assert.Equal(
            new CiscoCommandEvent(CommandEventKind.TacacsAccounting, new DateTimeOffset(2025, 3, 4, 9, 14, 2, TimeSpan.Zero),
                "10.60.0.7", "jdoe", "10.9.8.7", "tty4", "monitor session 61 source interface GigabitEthernet2/0/20 both", 61),
            e);
    }

    [Fact]
    public void Space_separated_record_with_weekday_and_year_and_a_non_ip_remote_address()
    {
        const string line = "Tue Mar 04 09:20:11 2025 10.60.0.7 opsuser tty2 5550100/4321 stop task_id=7 service=shell priv-lvl=15 cmd=no monitor session 14 <cr>";

        Assert.True(TacacsAccountingParser.TryParse(line, 1999, out var e));

        Assert.Equal((new DateTimeOffset(2025, 3, 4, 9, 20, 11, TimeSpan.Zero), "opsuser", (string?)null), (e!.Time!.Value, e.User, e.SourceAddress));
        Assert.Equal(("no monitor session 14", (int?)14), (e.Command, e.SessionNumber));
    }

    [Fact]
    public void Accounting_record_without_command_is_not_a_command_event()
    {
        Assert.False(TacacsAccountingParser.TryParse("Mar  4 09:14:02\t10.60.0.7\tjdoe\ttty4\t10.9.8.7\tstart\ttask_id=1\tservice=shell", 2025, out _));
    }

    [Fact]
    public void Overlong_and_control_character_fields_are_bounded()
    {
        var command = "monitor session 1 description " + new string('a', 5000);
        Assert.False(TacacsAccountingParser.TryParse($"Mar  4 09:14:02\t10.60.0.7\tjdoe\ttty4\t10.9.8.7\tstop\tcmd={command} <cr>", 2025, out _));

        Assert.True(CiscoSyslogParser.TryParse("<189>1: sw: Mar  4 2025 09:14:02.310: %PARSER-5-CFGLOG_LOGGEDCMD: User:x\u001b[2J  logged command:description \u0007bell", 2025, out var e));
        Assert.DoesNotContain(e!.User!, c => char.IsControl(c));
        Assert.DoesNotContain(e.Command!, c => char.IsControl(c));
    }
}
