namespace PostureScan.Core.Audit.Reading;

/// <summary>What <see cref="JsonValueScanner"/> expects next.</summary>
internal enum ScanState : byte
{
    Value,
    ValueOrArrayEnd,
    Key,
    KeyOrObjectEnd,
    Colon,
    CommaOrEnd,
}
