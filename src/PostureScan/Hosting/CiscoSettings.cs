namespace PostureScan.Hosting;

/// <summary>The "Cisco" configuration section: a folder of device files (running-config or show monitor output).</summary>
internal sealed class CiscoSettings
{
    public string Directory { get; set; } = "";

    /// <summary>Device names by file name, where the file itself does not say (no hostname, no prompt).</summary>
    public Dictionary<string, string> DeviceNames { get; set; } = [];
}
