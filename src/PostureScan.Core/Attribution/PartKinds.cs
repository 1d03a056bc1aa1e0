namespace PostureScan.Core.Attribution;

/// <summary>The names of mirror parts in attributions, the store and every output.</summary>
public static class PartKinds
{
    public const string Session = "session";
    public const string Target = "target";
    public const string Filter = "filter";
    public const string FilterRule = "filter-rule";
    public const string TapConfiguration = "tap-configuration";
}
