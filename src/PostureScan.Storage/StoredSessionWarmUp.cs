using PostureScan.Core.Inventory;
using PostureScan.Storage.Rows;

namespace PostureScan.Storage;

/// <summary>
/// Runs a sample session, every member filled, through its stored form and back, enough times for the runtime to
/// compile the code that reads stored sessions and then to optimise its hot part. A serve node calls it at start: the
/// first commit a node makes reads a whole run's sessions at once (6,120 in the scale benchmark), and on a node that
/// had only collected and staged, that first read compiled some 400 methods on the node's own cores meanwhile.
/// </summary>
public static class StoredSessionWarmUp
{
    /// <summary>Past the runtime's 30 calls before a method is queued for optimisation.</summary>
    public const int Rounds = 40;

    /// <summary>Returns the sample as read back the last time, for a test to compare with <see cref="Sample"/>.</summary>
    public static MirrorSession Run()
    {
        var stored = SessionRow.From("warm-up", 0, Sample);
        var read = Sample;
        for (var round = 0; round < Rounds; round++)
        {
            read = SessionRow.ToSession(stored.RecordJson, stored.RawJson);
        }

        return read;
    }

    /// <summary>A session with every member and every nested record present, so that each of their readers runs.</summary>
    public static MirrorSession Sample { get; } = new(
        "tms-warm-up",
        new Scope(Providers.Aws, "000000000000", "us-east-1"),
        "warm-up",
        "a sample session, never stored",
        [new MirroredSource("network-interface", "eni-source", "source", "i-source", "vpc-source", ["10.0.0.1"], TrafficDirection.Both, new Dictionary<string, string> { ["Name"] = "source" }, "tmtc-source")],
        "tmt-warm-up",
        new MirrorTarget("tmt-warm-up", TargetKind.NetworkInterface, "eni-target", "10.0.0.2", "target.internal", "000000000000", false, "target",
            new Dictionary<string, string> { ["Name"] = "target" }, "{}", "i-target", 4789),
        "tmf-warm-up",
        new MirrorFilter("tmf-warm-up", "filter",
            [new FilterRule("tmfr-warm-up", TrafficDirection.Ingress, 1, true, 6, "10.0.0.0/8", "0.0.0.0/0", new PortRange(1, 1024), new PortRange(443, 443), "rule")],
            ["amazon-dns"], new Dictionary<string, string> { ["Name"] = "filter" }, "{}"),
        TrafficDirection.Both,
        128,
        true,
        1,
        4242,
        "000000000000",
        new Dictionary<string, string> { ["Name"] = "session" },
        "{\"trafficMirrorSessionId\":\"tms-warm-up\"}");
}
