namespace PostureScan.Emulator.Aws;

/// <summary>Who is calling: the account the access key belongs to and the principal's ARN.</summary>
internal sealed record AwsCaller(string AccessKeyId, string Account, string Arn, string UserId);
