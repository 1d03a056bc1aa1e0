using System.Text.Json.Nodes;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;

namespace PostureScan.Validation;

/// <summary>What the product did with the estate: one scan with the policy and audit sources, and each detect run.</summary>
internal sealed record ProductRun(
    ScanRun Scan,
    PolicyEvaluation? Evaluation,
    AuditRunRecord? Audit,
    IReadOnlyDictionary<string, DetectRun> Detections);

/// <summary>One <c>detect --format jsonl</c> run: its exit code, the events it wrote, and its standard error.</summary>
internal sealed record DetectRun(int ExitCode, IReadOnlyList<JsonObject> Events, string Error);
