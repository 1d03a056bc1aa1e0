namespace PostureScan.Emulator.Worlds;

/// <summary>An IAM role that may be assumed, with the external id its trust policy requires, if any.</summary>
public sealed record AwsRole
{
    public string Name { get; init; } = "";

    public string? ExternalId { get; init; }
}
