using System.Text.RegularExpressions;

namespace PostureScan.Emulator.Arm;

/// <summary>Which api-versions the emulated providers accept; anything else is refused as ARM refuses it.</summary>
internal static partial class ArmApiVersions
{
    /// <summary>Stable Microsoft.Network versions, from the one that introduced virtual network TAPs.</summary>
    private static readonly string[] Network =
    [
        "2018-08-01", "2018-10-01", "2018-11-01", "2018-12-01", "2019-02-01", "2019-04-01", "2019-06-01", "2019-07-01",
        "2019-08-01", "2019-09-01", "2019-11-01", "2019-12-01", "2020-03-01", "2020-04-01", "2020-05-01", "2020-06-01",
        "2020-07-01", "2020-08-01", "2020-11-01", "2021-02-01", "2021-03-01", "2021-05-01", "2021-08-01", "2022-01-01",
        "2022-05-01", "2022-07-01", "2022-09-01", "2022-11-01", "2023-02-01", "2023-04-01", "2023-05-01", "2023-06-01",
        "2023-09-01", "2023-11-01", "2024-01-01", "2024-03-01", "2024-05-01", "2024-07-01", "2024-10-01", "2025-01-01",
        "2025-03-01", "2025-05-01", "2025-07-01", "2025-10-01", "2026-01-01",
    ];

    /// <summary>The Activity Log's only stable version.</summary>
    private static readonly string[] Insights = ["2015-04-01"];

    /// <summary>Null when <paramref name="version"/> is acceptable for the route, else the error to answer.</summary>
    public static ArmError? Check(ArmRoute route, string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return ArmErrors.MissingApiVersion();
        }

        var supported = route.Api == ArmApi.Insights ? Insights : Network;
        var accepted = route.Api == ArmApi.Resources ? WellFormed().IsMatch(version) : supported.Contains(version, StringComparer.Ordinal);
        return accepted ? null : ArmErrors.UnsupportedApiVersion(TypeName(route), version, string.Join(", ", supported.Reverse()));
    }

    private static string TypeName(ArmRoute route) => route.Permission[(route.Permission.IndexOf('/', StringComparison.Ordinal) + 1)..route.Permission.LastIndexOf('/')];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    private static partial Regex WellFormed();
}
