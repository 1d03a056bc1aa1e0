namespace PostureScan.Core.Audit;

/// <summary>
/// One audit-log event, normalised across CloudTrail, Azure Activity Log, GCP Cloud Audit Logs and
/// device accounting. Every string comes from the log and is adversary-controlled.
/// </summary>
/// <param name="Time">When the call was made, in UTC.</param>
/// <param name="EventName">The provider's operation name as logged (CloudTrail eventName, Azure operationName, GCP methodName).</param>
/// <param name="Actor">Who called: IAM ARN, Azure caller/UPN/appid, GCP principal email; <see cref="Unknown"/> when absent.</param>
/// <param name="SourceIp">The caller's address as logged (may be a service name such as "AWS Internal"); <see cref="Unknown"/> when absent.</param>
/// <param name="ErrorCode">The provider's error code for a failed call (AWS errorCode, Azure subStatus, GCP status name).</param>
/// <param name="Scope">The account, subscription or project the event belongs to.</param>
/// <param name="Region">The region the call was made in, where the log names one.</param>
/// <param name="ResourceIds">Ids of the resources the call acted on (the created mirror's id, the deleted target's id...).</param>
/// <param name="EventId">The provider's unique id of the log record.</param>
/// <param name="Service">The API service called (ec2.amazonaws.com, Microsoft.Network, compute.googleapis.com).</param>
/// <param name="OperationId">Groups the records of one long-running operation (Azure operation/correlation id, GCP operation id).</param>
/// <param name="Input">Where the record was read.</param>
/// <param name="RawJson">The record as logged, or null when it exceeded the size kept.</param>
/// <param name="Evidence">Every input the event was read from, when several logs recorded the same call (a device command in syslog and TACACS+ accounting); null otherwise.</param>
public sealed record AuditEvent(
    DateTimeOffset Time,
    AuditPlatform Platform,
    string EventName,
    string Actor,
    string SourceIp,
    AuditAction Action,
    AuditOutcome Outcome,
    string? ErrorCode,
    string? ErrorMessage,
    string? Scope,
    string? Region,
    IReadOnlyList<string> ResourceIds,
    string? EventId,
    string? UserAgent,
    string? Service,
    string? OperationId,
    AuditInput Input,
    string? RawJson = null,
    IReadOnlyList<AuditInput>? Evidence = null)
{
    /// <summary>The value of <see cref="Actor"/> and <see cref="SourceIp"/> when no field of the coalesce chain is present.</summary>
    public const string Unknown = "unknown";

    /// <summary>True for calls that change something (create, modify, delete, other); false for reads.</summary>
    public bool IsWrite => Action != AuditAction.Read;
}
