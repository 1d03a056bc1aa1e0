using System.Text;
using PostureScan.Core.Audit.Matching;
using YamlDotNet.Serialization;

namespace PostureScan.Cli.Detect;

/// <summary>
/// Writes the detection as Sigma rules, one per log source, so the same detection runs in a SIEM.
/// Sigma's <c>|contains</c> is case-insensitive, like the matcher, and every rule carries all the
/// matcher's patterns, so each rule finds exactly what <c>detect</c> finds in that log.
/// </summary>
internal static class SigmaRules
{
    private static readonly SigmaLogSource[] Sources =
    [
        new("9cc4d781-4651-4d0b-9e45-4fdba64c436b", "AWS", "aws", "cloudtrail",
            new Dictionary<string, string> { ["eventSource"] = "ec2.amazonaws.com" }, "eventName", "CloudTrail"),
        new("6072c3d2-e764-475a-b31c-8bfe16d170d8", "Azure", "azure", "activitylogs",
            new Dictionary<string, string>(), "operationName", "the Azure Activity Log"),
        new("d6159fdd-01e9-44d0-93ab-2e90fb12dce0", "GCP", "gcp", "gcp.audit",
            new Dictionary<string, string>(), "gcp.audit.method_name", "GCP Cloud Audit Logs"),

        // TACACS+ command accounting records each command with its keywords written out ("mon ses 1" is
        // accounted as "monitor session 1"), so one keyword finds every global monitor-session command there.
        new("3f0a3c1e-5b7d-4e52-9c1a-6d2b8e4f7a90", "Cisco", "cisco", "aaa",
            new Dictionary<string, string>(), "", "Cisco IOS, IOS-XE and NX-OS (TACACS+ command accounting)", Keywords: ["monitor session"]),
    ];

    public static void Write(Stream output, EventNameMatcher matcher)
    {
        var serializer = new SerializerBuilder().Build();
        var text = new StringBuilder();
        foreach (var source in Sources)
        {
            text.Append("---\n");
            text.Append(serializer.Serialize(Rule(source, matcher.Patterns)));
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        output.Write(bytes);
    }

    private static Dictionary<string, object> Rule(SigmaLogSource source, IReadOnlyList<string> patterns)
    {
        var detection = source.Keywords is { } keywords
            ? new Dictionary<string, object> { ["keywords"] = keywords.ToList(), ["condition"] = "keywords" }
            : new Dictionary<string, object> { ["selection"] = Selection(source, patterns), ["condition"] = "selection" };
        return new Dictionary<string, object>
        {
            ["title"] = $"Traffic Mirroring Activity in {source.Title}",
            ["id"] = source.Id,
            ["status"] = "experimental",
            ["description"] = source.Keywords is null
                ? $"Detects creation, change, deletion or listing of traffic mirroring (packet mirroring, virtual network TAP) in {source.Provider}, including failed attempts. An adversary can mirror a workload's traffic to a collector they control (MITRE ATT&CK T1020.001, Traffic Duplication)."
                : $"Detects SPAN, RSPAN and ERSPAN monitor sessions created, changed or removed on {source.Provider}, including refused commands. Commands typed inside a session's sub-mode (erspan-id, ip address) carry no session keyword; detect ties them to their session. An adversary can mirror a port's traffic to an address they control (MITRE ATT&CK T1020.001, Traffic Duplication).",
            ["references"] = new List<string> { "https://attack.mitre.org/techniques/T1020/001/" },
            ["author"] = "PostureScan",
            ["date"] = "2024-10-14",
            ["tags"] = new List<string> { "attack.exfiltration", "attack.collection", "attack.t1020.001" },
            ["logsource"] = new Dictionary<string, object> { ["product"] = source.Product, ["service"] = source.Service },
            ["detection"] = detection,
            ["falsepositives"] = new List<string> { "Sanctioned mirrors to network detection sensors, created by their administrators" },
            ["level"] = "medium",
        };
    }

    private static Dictionary<string, object> Selection(SigmaLogSource source, IReadOnlyList<string> patterns)
    {
        var selection = new Dictionary<string, object>();
        foreach (var (field, value) in source.Conditions)
        {
            selection[field] = value;
        }

        selection[$"{source.NameField}|contains"] = patterns.ToList();
        return selection;
    }
}
