using PostureScan.Cisco.Accounting;
using PostureScan.Core.Audit;

namespace PostureScan.Cisco.Tests;

/// <summary>Monitor-session commands typed as IOS lets them be typed: any unambiguous keyword prefix.</summary>
public sealed class AbbreviatedCommandTests
{
    [Theory]
    [InlineData("mon ses 1 sou int gi1/0/1", 1, "monitor session 1 source interface gi1/0/1")]
    [InlineData("mon ses 1 sou int gi1/0/1 b", 1, "monitor session 1 source interface gi1/0/1 both")]
    [InlineData("no mon sess 2", 2, "no monitor session 2")]
    [InlineData("monitor session 3 dest ip 192.0.2.9", 3, "monitor session 3 destination ip 192.0.2.9")]
    [InlineData("moni s 4 d rem v 900", 4, "monitor session 4 destination remote vlan 900")]
    [InlineData("mon se 5 fil ip acc ndr-acl", 5, "monitor session 5 filter ip access-group ndr-acl")]
    [InlineData("mon ses 6 ty erspan-s", 6, "monitor session 6 type erspan-source")]
    [InlineData("MON  SES 7 SOU VL 10 - 12 RX", 7, "monitor session 7 source vlan 10 - 12 rx")]
    public void Abbreviated_monitor_commands_name_their_session_and_read_in_full(string typed, int session, string full)
    {
        var mirror = MirrorCommandClassifier.Classify(typed, null, _ => false, out _, out var text);

        Assert.Equal(session, mirror?.Session);
        Assert.Equal(full, text);
        Assert.Equal(session, CommandText.SessionNumber(typed));
    }

    [Theory]
    [InlineData("mo ses 1 sou int gi1/0/1")] // mo: monitor, module, mop, more
    [InlineData("m session 1 source interface gi1/0/1")]
    [InlineData("monitor capture 1 interface gi1/0/1 both")]
    [InlineData("mon e 1")] // e: erspan, event-trace
    [InlineData("monitor session x source interface gi1/0/1")]
    [InlineData("monitoring session 1")]
    [InlineData("more flash:monitor.txt")]
    [InlineData("mop enabled")]
    public void Prefixes_that_are_ambiguous_or_name_another_command_are_not_monitor_session_commands(string typed)
    {
        Assert.Null(MirrorCommandClassifier.Classify(typed, null, _ => false, out var next, out _));
        Assert.Null(next);
        Assert.Null(CommandText.SessionNumber(typed));
    }

    [Fact]
    public void Sub_mode_commands_may_be_abbreviated_and_an_ambiguous_one_leaves_the_session()
    {
        var context = (ConfigContext?)null;
        var seen = new HashSet<int>();
        var results = new List<string>();
        foreach (var typed in new[] { "mon ses 9 ty erspan-so", "desc copy", "so int gi0/0/1 b", "dest", "ip add 203.0.113.9", "er 9", "ori ip add 10.0.0.1", "ex", "no sh", "des x", "hostname r1" })
        {
            var mirror = MirrorCommandClassifier.Classify(typed, context, seen.Contains, out context, out var text);
            if (mirror?.Session is { } n)
            {
                seen.Add(n);
            }

            results.Add(mirror is null ? $"- {text}" : $"{mirror.Session} {AuditNames.Of(mirror.Action)} {text}");
        }

        Assert.Equal(
            [
                "9 create monitor session 9 type erspan-source",
                "9 modify description copy",
                "9 modify source interface gi0/0/1 both",
                "9 modify destination",
                "9 modify ip address 203.0.113.9",
                "9 modify erspan-id 9",
                "9 modify origin ip address 10.0.0.1",
                "- exit",
                "9 modify no shutdown",
                "- des x", // description or destination: IOS refuses it, and it leaves the session's mode
                "- hostname r1",
            ],
            results);
    }

    [Theory]
    [InlineData("mo", new[] { "monitor", "module", "mop", "more" }, null)]
    [InlineData("mon", new[] { "monitor", "module", "mop", "more" }, "monitor")]
    [InlineData("ip", new[] { "ip", "ipv6" }, "ip")]
    [InlineData("i", new[] { "ip", "ipv6" }, null)]
    [InlineData("SH", new[] { "shutdown", "source" }, "shutdown")]
    [InlineData("", new[] { "shutdown" }, null)]
    [InlineData("shutdowns", new[] { "shutdown" }, null)]
    public void The_ios_rule_an_exact_keyword_or_a_unique_prefix(string typed, string[] keywords, string? expected)
    {
        Assert.Equal(expected, IosKeywords.Resolve(typed, keywords));
    }
}
