namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// Input that could not be read as an audit record: where (byte offset in the decompressed input,
/// and the record's number when it is known) and why.
/// </summary>
public sealed record MalformedInput(long Offset, long? Record, string Reason)
{
    public override string ToString() => Record is null ? $"byte {Offset}: {Reason}" : $"record {Record} (byte {Offset}): {Reason}";
}
