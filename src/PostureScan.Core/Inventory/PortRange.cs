namespace PostureScan.Core.Inventory;

/// <summary>An inclusive port range.</summary>
public sealed record PortRange(int From, int To)
{
    public bool IsAll => From <= 0 && To >= 65535;

    public override string ToString() => From == To ? $"{From}" : $"{From}-{To}";
}
