namespace PostureScan.Core.Audit.Reading;

/// <summary>Receives what <see cref="RecordSplitter"/> finds: records worth parsing, and malformed input.</summary>
internal interface IRecordHandler
{
    /// <summary>A complete record whose event name is of interest. The span is only valid during the call.</summary>
    void OnCandidate(ReadOnlySpan<byte> json, long record, long offset);

    void OnMalformed(long offset, long? record, string reason);
}
