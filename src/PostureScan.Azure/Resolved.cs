using PostureScan.Azure.Wire;

namespace PostureScan.Azure;

/// <summary>A resource a vTAP refers to: read, or not readable with the reason (another subscription, deleted).</summary>
internal sealed record Resolved(ArmDocument? Document, string? Problem)
{
    public static Resolved Missing { get; } = new(null, "not read");
}
