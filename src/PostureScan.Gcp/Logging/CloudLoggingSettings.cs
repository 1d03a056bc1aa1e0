namespace PostureScan.Gcp.Logging;

/// <summary>
/// An audit source of type <c>gcp-logging</c>: each project's Cloud Audit Logs through Cloud Logging's
/// entries:list. Credential, retries and projects come from the "Gcp" section.
/// </summary>
public sealed class CloudLoggingSettings
{
    public string Name { get; set; } = CloudLoggingSource.TypeName;

    public string Type { get; set; } = CloudLoggingSource.TypeName;

    /// <summary>Base address of the Cloud Logging API; override it for the emulator or a proxy.</summary>
    public string Endpoint { get; set; } = "https://logging.googleapis.com/";

    /// <summary>Entries per page (1..1000).</summary>
    public int PageSize { get; set; } = 1000;
}
