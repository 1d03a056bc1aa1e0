namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// The result of scanning one JSON value: its length, and what the probe saw in it when it is a
/// record (an object carrying an event name field, and whether that name is of interest).
/// </summary>
internal readonly record struct ValueScan(
    ScanStatus Status,
    int Length,
    bool IsObject,
    bool HasEventName,
    bool Candidate,
    string? Error)
{
    public static ValueScan NeedMore { get; } = new(ScanStatus.NeedMore, 0, false, false, false, null);

    public static ValueScan Invalid(int at, string error) => new(ScanStatus.Invalid, at, false, false, false, error);
}
