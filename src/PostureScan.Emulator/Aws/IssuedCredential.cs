namespace PostureScan.Emulator.Aws;

/// <summary>Temporary credentials handed out by AssumeRole.</summary>
internal sealed record IssuedCredential(AwsCaller Caller, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration);
