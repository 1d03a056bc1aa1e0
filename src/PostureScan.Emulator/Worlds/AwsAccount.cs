namespace PostureScan.Emulator.Worlds;

/// <summary>One AWS account: the roles others may assume into it and its regions.</summary>
public sealed record AwsAccount
{
    /// <summary>The twelve-digit account id.</summary>
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public IReadOnlyList<AwsRole> Roles { get; init; } = [];

    /// <summary>Faults for every region of the account that has none of its own.</summary>
    public Faults? Faults { get; init; }

    /// <summary>The account's regions. A region not listed behaves like one that is not opted in.</summary>
    public IReadOnlyList<AwsRegion> Regions { get; init; } = [];
}
