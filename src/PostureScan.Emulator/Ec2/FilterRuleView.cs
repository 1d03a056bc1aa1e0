using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Ec2;

/// <summary>A filter rule as EC2 shows it: with its filter's id and a rule id (derived when the world gives none).</summary>
internal sealed record FilterRuleView(string FilterId, string Id, AwsFilterRule Rule)
{
    public static IEnumerable<FilterRuleView> Of(AwsMirrorFilter filter) =>
        filter.Rules.Select(rule => new FilterRuleView(filter.Id, rule.Id ?? DeriveId(filter.Id, rule), rule));

    public void Write(XmlWriter w)
    {
        w.Element("trafficMirrorFilterRuleId", Id);
        w.Element("trafficMirrorFilterId", FilterId);
        w.Element("trafficDirection", Rule.Direction);
        w.Element("ruleNumber", Rule.RuleNumber);
        w.Element("ruleAction", Rule.Action);
        w.Element("protocol", Rule.Protocol);
        WriteRange(w, "destinationPortRange", Rule.DestinationPortRange);
        WriteRange(w, "sourcePortRange", Rule.SourcePortRange);
        w.Element("destinationCidrBlock", Rule.DestinationCidrBlock);
        w.Element("sourceCidrBlock", Rule.SourceCidrBlock);
        w.Element("description", Rule.Description);
        w.Tags(Rule.Tags);
    }

    private static void WriteRange(XmlWriter w, string name, AwsPortRange? range)
    {
        if (range is null)
        {
            return;
        }

        w.WriteStartElement(name);
        w.Element("fromPort", range.FromPort);
        w.Element("toPort", range.ToPort);
        w.WriteEndElement();
    }

    /// <summary>A rule is unique by filter, direction and number, so that names it stably.</summary>
    private static string DeriveId(string filterId, AwsFilterRule rule)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{filterId}/{rule.Direction}/{rule.RuleNumber}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "tmfr-" + Convert.ToHexStringLower(hash)[..17];
    }
}
