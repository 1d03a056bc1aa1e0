namespace PostureScan.Gcp.Rest;

/// <summary>The configured Google credentials could not be loaded (no default credentials, a bad key file).</summary>
internal sealed class GcpCredentialException(string message, Exception inner) : Exception(message, inner);
