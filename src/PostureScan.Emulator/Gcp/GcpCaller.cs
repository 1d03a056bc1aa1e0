namespace PostureScan.Emulator.Gcp;

/// <summary>The holder of an access token: a service account and the OAuth scopes it was granted.</summary>
internal sealed record GcpCaller(string Email, IReadOnlySet<string> Scopes, DateTimeOffset Expires);
