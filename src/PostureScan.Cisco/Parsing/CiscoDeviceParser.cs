namespace PostureScan.Cisco.Parsing;

/// <summary>Reads one device file: recognises its format, finds the device name, and parses its sessions (and a config's ports).</summary>
internal static class CiscoDeviceParser
{
    public static DeviceParseResult Parse(string text)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = text.AsSpan(0, nul).Count('\n') + 1;
            return new DeviceParseResult(DeviceFormat.Unknown, null, [], [], ParseIssue.At(line, "binary content", string.Empty));
        }

        var lines = TextLines.Split(text).ToList();
        var format = FormatDetector.Detect(lines, out var failure);
        if (format == DeviceFormat.Unknown)
        {
            return new DeviceParseResult(format, null, [], [], failure);
        }

        var (sessions, issues) = format == DeviceFormat.RunningConfig
            ? RunningConfigParser.Parse(lines)
            : ShowMonitorParser.Parse(lines);
        var ports = format == DeviceFormat.RunningConfig ? InterfaceStanzaParser.Parse(lines) : null;
        return new DeviceParseResult(format, DeviceNameReader.Read(lines, format), sessions, issues, null, ports);
    }
}
