using CsCheck;
using PostureScan.Cisco.Mapping;
using PostureScan.Cisco.Parsing;

namespace PostureScan.Cisco.Tests;

/// <summary>Random and half-valid lines never throw, and never disturb the sessions around them.</summary>
public sealed class GarbageInputTests
{
    private static readonly string[] Vocabulary =
    [
        "monitor", "session", "type", "erspan-source", "erspan-destination", "source", "destination", "interface",
        "vlan", "remote", "filter", "ip", "address", "access-group", "erspan-id", "origin", "shutdown", "no", "shut",
        "rx", "tx", "both", "Gi1/0/1", "-", ",", "Gi1/0/1 - 4", "10", "0", "4095", "99999999999", "1.2.3.4", "::1",
        "Session", ":", "Type", "Both", "RX Only", "Source Ports", "Destination Ports", "state", "up", "#", "\t",
        "description", "Feature", "Legend:", "src intf all", "dest-ip", "10.0.0.0/8", "\u202e", "\ud800", "\u0000",
    ];

    private static readonly Gen<string> Word = Gen.Frequency(
        (6, Gen.OneOf(Vocabulary)),
        (2, Gen.String[Gen.Char, 0, 12]),
        (1, Gen.Int[-5, 70000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static readonly Gen<string> Line = Gen.Select(Gen.Int[0, 3], Word.Array[0, 9], (indent, words) => new string(' ', indent) + string.Join(' ', words));

    private static readonly Gen<string> Text = Gen.Select(Line.Array[0, 40], Gen.OneOf("\n", "\r\n", "\r"), (lines, newline) => string.Join(newline, lines));

    [Fact]
    public void Random_text_never_throws_and_every_issue_points_at_a_line_of_the_text()
    {
        Text.Sample(
            text =>
            {
                var parsed = CiscoDeviceParser.Parse(text);
                var lineCount = TextLines.Split(text).Count();
                Assert.All(parsed.AllIssues, i => Assert.InRange(i.Line, 1, Math.Max(1, lineCount)));
                foreach (var session in parsed.Sessions)
                {
                    MirrorSessionFactory.Create(session, "fuzz", parsed.Format);
                }
            },
            iter: 3000);
    }

    [Fact]
    public void Non_monitor_lines_between_the_commands_of_a_config_change_no_session()
    {
        var config = Fixture.Read("config-classic-ios.txt");
        var expected = SessionText.Render(Fixture.Sessions("config-classic-ios.txt"));
        var noise = Line.Where(l => !l.TrimStart().StartsWith("monitor", StringComparison.OrdinalIgnoreCase) && !l.Contains('\0', StringComparison.Ordinal))
            .Select(l => l.TrimStart());

        Gen.Select(noise.Array[1, 6], Gen.Int[0, 1000]).Sample(
            pair =>
            {
                var (lines, seed) = pair;
                var configLines = config.Split('\n').ToList();
                var at = seed % configLines.Count;
                configLines.InsertRange(at, lines);
                var parsed = CiscoDeviceParser.Parse(string.Join('\n', configLines));
                Assert.Equal(expected, SessionText.Render(Fixture.SessionsOf(parsed, "config-classic-ios.txt")));
            },
            iter: 500);
    }
}
