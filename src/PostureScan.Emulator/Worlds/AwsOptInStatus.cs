namespace PostureScan.Emulator.Worlds;

/// <summary>The values of EC2's Region.OptInStatus.</summary>
public static class AwsOptInStatus
{
    public const string NotRequired = "opt-in-not-required";
    public const string OptedIn = "opted-in";
    public const string NotOptedIn = "not-opted-in";

    internal static IReadOnlyList<string> All { get; } = [NotRequired, OptedIn, NotOptedIn];

    internal static bool IsEnabled(string status) => status != NotOptedIn;
}
