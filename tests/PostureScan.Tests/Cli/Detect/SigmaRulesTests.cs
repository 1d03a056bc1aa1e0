using YamlDotNet.RepresentationModel;

namespace PostureScan.Tests.Cli.Detect;

public sealed class SigmaRulesTests
{
    [Fact]
    public async Task Emit_sigma_writes_one_valid_rule_per_log_source()
    {
        using var harness = new DetectHarness();
        var (exit, output, _) = await harness.Run("--emit-sigma");

        Assert.Equal(0, exit);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(output));
        var rules = yaml.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
        Assert.Equal(4, rules.Count);
        var sources = rules.Select(r => $"{Scalar(r, "logsource", "product")}/{Scalar(r, "logsource", "service")}");
        Assert.Equal(["aws/cloudtrail", "azure/activitylogs", "gcp/gcp.audit", "cisco/aaa"], sources);
        foreach (var rule in rules.Take(3))
        {
            foreach (var field in new[] { "title", "id", "status", "description", "level" })
            {
                Assert.False(string.IsNullOrWhiteSpace(Scalar(rule, field)), field);
            }

            Assert.True(Guid.TryParse(Scalar(rule, "id"), out _));
            Assert.Equal("selection", Scalar(rule, "detection", "condition"));
            var tags = ((YamlSequenceNode)rule.Children["tags"]).Select(t => ((YamlScalarNode)t).Value);
            Assert.Contains("attack.exfiltration", tags);
            Assert.Contains("attack.t1020.001", tags);
            var selection = (YamlMappingNode)((YamlMappingNode)rule.Children["detection"]).Children["selection"];
            var contains = selection.Children.Single(c => ((YamlScalarNode)c.Key).Value!.EndsWith("|contains", StringComparison.Ordinal));
            Assert.Contains("TrafficMirror", ((YamlSequenceNode)contains.Value).Select(v => ((YamlScalarNode)v).Value));
        }

        Assert.Equal(4, rules.Select(r => Scalar(r, "id")).Distinct().Count());
    }

    [Fact]
    public async Task Emit_sigma_includes_a_keyword_rule_for_cisco_monitor_session_commands()
    {
        using var harness = new DetectHarness();
        var (exit, output, _) = await harness.Run("--emit-sigma");

        Assert.Equal(0, exit);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(output));
        var cisco = yaml.Documents.Select(d => (YamlMappingNode)d.RootNode).Single(r => Scalar(r, "logsource", "product") == "cisco");
        Assert.Equal("Traffic Mirroring Activity in Cisco", Scalar(cisco, "title"));
        Assert.True(Guid.TryParse(Scalar(cisco, "id"), out _));
        Assert.Equal("aaa", Scalar(cisco, "logsource", "service"));
        var detection = (YamlMappingNode)cisco.Children["detection"];
        Assert.Equal(["condition", "keywords"], detection.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order(StringComparer.Ordinal));
        Assert.Equal("keywords", Scalar(cisco, "detection", "condition"));
        Assert.Equal(["monitor session"], ((YamlSequenceNode)detection.Children["keywords"]).Select(v => ((YamlScalarNode)v).Value));
        Assert.Contains("attack.t1020.001", ((YamlSequenceNode)cisco.Children["tags"]).Select(t => ((YamlScalarNode)t).Value));
        Assert.Contains("SPAN, RSPAN and ERSPAN", Scalar(cisco, "description"), StringComparison.Ordinal);
    }

    private static string? Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current).Children[new YamlScalarNode(key)];
        }

        return ((YamlScalarNode)current).Value;
    }
}
