namespace PostureScan.Core.Audit.Reading;

internal enum EnvelopeKey
{
    Other,
    RecordArray,
    Paging,
}
