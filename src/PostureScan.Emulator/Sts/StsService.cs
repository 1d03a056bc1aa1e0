using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Sts;

/// <summary>STS (API version 2011-06-15): AssumeRole and GetCallerIdentity. Global: no region faults.</summary>
internal static class StsService
{
    public const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    private static readonly Dictionary<string, QueryAction> Actions = new(StringComparer.Ordinal)
    {
        ["AssumeRole"] = AssumeRole.Handle,
        ["GetCallerIdentity"] = GetCallerIdentity.Handle,
    };

    public static QueryService Create() =>
        new("sts", Actions, QueryXml.CommonErrors(), QueryXml.ErrorWriter(Namespace), Regional: false, SupportsDryRun: false);
}
