namespace PostureScan.Emulator.Worlds;

/// <summary>An IAM user's access key. The secret is not checked (signatures are not verified).</summary>
public sealed record AwsCredential
{
    public string AccessKeyId { get; init; } = "";

    public string SecretAccessKey { get; init; } = "";

    /// <summary>The twelve-digit id of the account the key belongs to.</summary>
    public string Account { get; init; } = "";

    /// <summary>The IAM user name shown by GetCallerIdentity.</summary>
    public string UserName { get; init; } = "scanner";
}
