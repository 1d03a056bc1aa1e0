using System.Security.Cryptography;
using System.Text;

namespace PostureScan.Core.Audit;

/// <summary>
/// The key an audit event is stored under: the provider's event id (CloudTrail eventID, Azure
/// eventDataId, GCP insertId), or — for records that carry none, as some Azure exports — a hash of the
/// record, so the same record read twice is still stored once.
/// </summary>
public static class AuditEventKeys
{
    /// <summary>Keys longer than this are hashed too: an event id is adversary-controlled text.</summary>
    public const int MaxIdLength = 200;

    public static string Of(AuditEvent e)
    {
        if (!string.IsNullOrWhiteSpace(e.EventId) && e.EventId.Length <= MaxIdLength)
        {
            return e.EventId;
        }

        // Without an id the record's own bytes identify it; failing those, the fields that make it this event.
        var material = e.RawJson ?? string.Join(
            '\n',
            AuditNames.Of(e.Platform),
            AuditNames.Of(e.Time),
            e.EventName,
            e.Actor,
            e.SourceIp,
            AuditNames.Of(e.Action),
            AuditNames.Of(e.Outcome),
            e.Scope,
            e.OperationId,
            e.EventId,
            string.Join(' ', e.ResourceIds));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..40];
    }
}
