using System.Text.RegularExpressions;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// Finds the device's own name: the <c>hostname</c> (or NX-OS <c>switchname</c>) of a config, the
/// prompt of show output (<c>sw01#show monitor</c>), or the device in a test-automation log banner
/// (<c>+++ sw01 with alias 'a': executing command</c>). Names that are not plain host names are ignored.
/// </summary>
internal static partial class DeviceNameReader
{
    public static string? Read(IReadOnlyList<SourceLine> lines, DeviceFormat format)
    {
        foreach (var line in lines)
        {
            var match = format == DeviceFormat.RunningConfig ? Hostname().Match(line.Text) : PromptOrBanner(line.Text);
            if (match.Success && IsValid(match.Groups["name"].Value))
            {
                return match.Groups["name"].Value;
            }
        }

        return null;
    }

    /// <summary>A host name we accept as a scope account: letters, digits, dot, dash, underscore, at most 63.</summary>
    public static bool IsValid(string name) => ValidName().IsMatch(name);

    private static Match PromptOrBanner(string text)
    {
        var prompt = Prompt().Match(text);
        return prompt.Success ? prompt : Banner().Match(text);
    }

    [GeneratedRegex(@"^(hostname|switchname)\s+(?<name>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Hostname();

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,62})\s*#\s*(show\s.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Prompt();

    [GeneratedRegex(@"\+\+\+\s+(?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,62})(\s+with alias\s+'[^']{0,64}')?:\s+executing command", RegexOptions.CultureInvariant)]
    private static partial Regex Banner();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
