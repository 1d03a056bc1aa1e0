using System.Text.Json;
using PostureScan.Core.Attribution;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;
using PostureScan.Core.Serialization;

namespace PostureScan.Output;

/// <summary>The machine-readable run summary printed by scan --json and demo --json.</summary>
internal static class RunSummaryJson
{
    public static string Write(ScanRun run, string database, PolicyEvaluation? evaluation = null, AuditRunRecord? audit = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, OutputJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("runId", run.Id);
            w.WriteString("startedAt", run.StartedAt.UtcDateTime);
            w.WriteString("finishedAt", run.FinishedAt.UtcDateTime);
            w.WriteBoolean("partial", run.IsPartial);
            w.WriteNumber("apiCalls", run.ApiCalls);
            w.WriteString("database", database);
            w.WriteStartArray("scopes");
            foreach (var s in run.Scopes)
            {
                w.WriteStartObject();
                w.WriteString("provider", s.Scope.Provider);
                w.WriteString("scope", s.Scope.Account);
                w.WriteString("region", s.Scope.Region);
                w.WriteString("status", s.Status == ScopeStatus.Ok ? "ok" : "failed");
                if (s.ErrorKind is { } kind)
                {
                    w.WriteString("errorKind", JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString()));
                }

                if (s.Error is null)
                {
                    w.WriteNull("error");
                }
                else
                {
                    w.WriteString("error", s.Error);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("sessions");
            foreach (var provider in run.Providers)
            {
                w.WriteNumber(provider, run.Sessions.Count(s => s.Scope.Provider == provider));
            }

            w.WriteEndObject();
            if (evaluation is not null)
            {
                // Active (new or open, not suppressed) findings per severity, most severe first.
                var counts = evaluation.ActiveBySeverity();
                w.WriteStartObject("findings");
                foreach (var severity in Enum.GetValues<Severity>().Reverse())
                {
                    w.WriteNumber(FindingsTable.Name(severity), counts[severity]);
                }

                w.WriteEndObject();
            }

            if (audit is not null)
            {
                WriteAudit(w, audit);
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The audit block: sources read, sessions per attribution state, mirrors seen only in the logs, refused calls.</summary>
    private static void WriteAudit(Utf8JsonWriter w, AuditRunRecord audit)
    {
        w.WriteStartObject("audit");
        w.WriteStartArray("sources");
        foreach (var s in audit.Sources.Where(s => s.Scope is null))
        {
            w.WriteStartObject();
            w.WriteString("name", s.Source);
            w.WriteString("status", s.Succeeded ? "ok" : "failed");
            w.WriteNumber("matched", s.Matched);
            w.WriteNumber("stored", s.Stored);
            if (s.Failure is { } failure)
            {
                w.WriteString("error", failure.Message);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("sessions");
        foreach (var state in Enum.GetValues<AttributionState>())
        {
            w.WriteNumber(AttributionNames.Of(state), audit.Report.Sessions.Count(s => s.Session.State == state));
        }

        w.WriteEndObject();
        w.WriteNumber("shortLived", audit.Report.DeletedMirrors.Count);
        w.WriteNumber("failedAttempts", audit.Report.FailedAttempts.Count);
        w.WriteEndObject();
    }
}
