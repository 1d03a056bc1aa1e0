namespace PostureScan.Core.Audit;

/// <summary>
/// Where an audit record was read: a file (or "-" for standard input) and the record's 1-based
/// number in it, or a live API (e.g. "aws-lookup 111122223333 us-east-1").
/// </summary>
public sealed record AuditInput(string? File, long? Record, string? Api)
{
    public static AuditInput FromFile(string file, long record) => new(file, record, null);

    public static AuditInput FromApi(string api, long? record = null) => new(null, record, api);

    public override string ToString() =>
        File is not null ? $"{File}#{Record}" : Record is null ? $"api:{Api}" : $"api:{Api}#{Record}";
}
