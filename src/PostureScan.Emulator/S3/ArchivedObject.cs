namespace PostureScan.Emulator.S3;

/// <summary>One object of a trail bucket: its key, content and the metadata a listing shows.</summary>
internal sealed record ArchivedObject(string Key, byte[] Content, DateTimeOffset LastModified, string ETag);
