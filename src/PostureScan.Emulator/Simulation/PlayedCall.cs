namespace PostureScan.Emulator.Simulation;

/// <summary>One simulated call: the operation as the audit log names it, the resource it made, and where the record went.</summary>
/// <param name="Operation">CloudTrail eventName, Azure operation name or GCP methodName.</param>
/// <param name="ResourceId">The id of the created resource as the log names it.</param>
/// <param name="Time">When the call was made (the emulator's clock).</param>
/// <param name="EventId">The audit record's id (CloudTrail eventID, Activity Log eventDataId of the end event, LogEntry insertId).</param>
/// <param name="Delivery">Where the record is served: the APIs and archives that list it.</param>
/// <param name="VisibleFrom">When the service lists the record (after its ingestion delay).</param>
public sealed record PlayedCall(
    string Operation,
    string ResourceId,
    DateTimeOffset Time,
    string EventId,
    string Delivery,
    DateTimeOffset VisibleFrom);
