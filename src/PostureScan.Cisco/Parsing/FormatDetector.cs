using System.Text.RegularExpressions;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// Tells a running-config from show monitor output by content, never by file name: config-style
/// <c>monitor session N ...</c> lines win, then <c>session N</c> headers or a <c>show monitor</c>
/// command, then any other sign of a config (hostname, version, interface).
/// </summary>
internal static partial class FormatDetector
{
    public static DeviceFormat Detect(IReadOnlyList<SourceLine> lines, out ParseIssue? failure)
    {
        failure = null;
        bool configMonitor = false, show = false, config = false;
        foreach (var line in lines)
        {
            var text = line.Text;
            configMonitor |= ConfigMonitor().IsMatch(text);
            show |= ShowHeader().IsMatch(text) || text.Contains("show monitor", StringComparison.OrdinalIgnoreCase);
            config |= ConfigSign().IsMatch(text);
        }

        if (configMonitor)
        {
            return DeviceFormat.RunningConfig;
        }

        if (show)
        {
            return DeviceFormat.ShowMonitor;
        }

        if (config)
        {
            return DeviceFormat.RunningConfig;
        }

        failure = ParseIssue.At(1, "neither a running-config nor show monitor output", string.Empty);
        return DeviceFormat.Unknown;
    }

    [GeneratedRegex(@"^monitor\s+session\s+\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConfigMonitor();

    [GeneratedRegex(@"^session\s+\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowHeader();

    [GeneratedRegex(@"^(hostname\s|switchname\s|version\s|interface\s|Building configuration|Current configuration)", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigSign();
}
