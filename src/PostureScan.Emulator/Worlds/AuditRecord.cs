namespace PostureScan.Emulator.Worlds;

/// <summary>
/// One audit-log event, provider-neutral: each service renders it in its own shape (CloudTrail record,
/// Activity Log event, LogEntry with an AuditLog payload).
/// </summary>
public sealed record AuditRecord
{
    /// <summary>When the call was made (UTC).</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The operation: CloudTrail eventName, Azure operationName, GCP methodName.</summary>
    public string Name { get; init; } = "";

    /// <summary>Who called: an IAM ARN, an Azure UPN or object id, a GCP principal email.</summary>
    public string Actor { get; init; } = "";

    public string SourceIp { get; init; } = "";

    /// <summary>The API service; default ec2.amazonaws.com, Microsoft.Network or compute.googleapis.com.</summary>
    public string? Service { get; init; }

    /// <summary>The id of the resource the call acted on (a mirror session id, an ARM resource id, a resource name).</summary>
    public string? ResourceId { get; init; }

    /// <summary>
    /// Other resources the call named (CloudTrail): the filter a rule is added to; the target, filter and source
    /// interface of a session. Written into the request and response by their id prefix (tmf-, tmt-, eni-).
    /// </summary>
    public IReadOnlyList<string> RelatedIds { get; init; } = [];

    /// <summary>Set for a failed call: the AWS error code, the Azure sub-status, the GCP status code (a number).</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>The record's unique id; derived from the others when absent.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// Seconds after <see cref="Time"/> until the service has ingested the record and lists it (the Activity Log
    /// takes one to five minutes); null: the service's usual delay.
    /// </summary>
    public int? DelaySeconds { get; init; }

    /// <summary>The record exactly as served (JSON, or anything else for a malformed record); overrides rendering.</summary>
    public string? Raw { get; init; }
}
