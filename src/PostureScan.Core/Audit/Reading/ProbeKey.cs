namespace PostureScan.Core.Audit.Reading;

/// <summary>The record fields the probe looks at while it scans, one per place an event name can be.</summary>
internal enum ProbeKey : byte
{
    None,

    /// <summary>A string that is the event name: CloudTrail eventName, LookupEvents EventName, Azure export operationName, Azure REST operationName.value, GCP protoPayload.methodName.</summary>
    Name,

    /// <summary>Azure operationName: a string (export shape) or an object with value (REST shape).</summary>
    OperationName,

    /// <summary>GCP protoPayload: an object with methodName.</summary>
    ProtoPayload,
}
