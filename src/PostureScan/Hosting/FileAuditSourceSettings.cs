namespace PostureScan.Hosting;

/// <summary>
/// An audit source of type <c>files</c>: files or folders of CloudTrail, Activity Log or Cloud Audit Log records,
/// or Cisco syslog and TACACS+ accounting logs, each recognised by its content.
/// </summary>
internal sealed class FileAuditSourceSettings
{
    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    /// <summary>Files and folders (read recursively); relative paths are relative to the working directory.</summary>
    public List<string> Paths { get; set; } = [];
}
