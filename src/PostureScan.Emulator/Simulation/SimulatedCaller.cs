namespace PostureScan.Emulator.Simulation;

/// <summary>Who makes a simulated call and from where, as the audit log will name them.</summary>
/// <param name="Actor">An IAM ARN, an Azure UPN or application id, a GCP principal email.</param>
/// <param name="SourceIp">The caller's address.</param>
/// <param name="UserAgent">The client the caller used; null for the service's usual command-line client.</param>
public sealed record SimulatedCaller(string Actor, string SourceIp, string? UserAgent = null);
