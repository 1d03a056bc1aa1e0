namespace PostureScan.Emulator.S3;

/// <summary>What an S3 call produced: an XML body, an object, or an error.</summary>
internal sealed record S3Result(string? Xml, ArchivedObject? Object, S3Error? Error)
{
    public static implicit operator S3Result(S3Error error) => new(null, null, error);
}
