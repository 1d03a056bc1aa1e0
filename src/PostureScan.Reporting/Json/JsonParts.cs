using System.Text.Json;
using PostureScan.Core.Drift;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Reporting.Json;

/// <summary>The pieces the JSON report and the JSON export share, so a run or a finding reads the same in both.</summary>
internal static class JsonParts
{
    public static void Run(Utf8JsonWriter w, ScanRun run)
    {
        w.WriteStartObject("run");
        SafeJson.String(w, "id", run.Id);
        SafeJson.Time(w, "startedAt", run.StartedAt);
        SafeJson.Time(w, "finishedAt", run.FinishedAt);
        w.WriteBoolean("partial", run.IsPartial);
        w.WriteStartArray("providers");
        foreach (var provider in run.Providers)
        {
            SafeJson.Value(w, provider);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Scope(Utf8JsonWriter w, string name, Scope scope)
    {
        w.WriteStartObject(name);
        SafeJson.String(w, "provider", scope.Provider);
        SafeJson.String(w, "account", scope.Account);
        SafeJson.String(w, "region", scope.Region);
        w.WriteEndObject();
    }

    public static void FindingFields(Utf8JsonWriter w, Finding finding)
    {
        SafeJson.String(w, "id", finding.Id);
        SafeJson.String(w, "checkId", finding.CheckId);
        SafeJson.String(w, "title", finding.Title);
        w.WriteString("severity", Formats.Severity(finding.Severity));
        w.WriteString("status", Formats.Status(finding.Status));
        SafeJson.String(w, "resourceId", finding.ResourceId);
        Scope(w, "scope", finding.Scope);
        SafeJson.String(w, "message", finding.Message);
        SafeJson.Time(w, "firstSeen", finding.FirstSeen);
        SafeJson.Time(w, "lastSeen", finding.LastSeen);
        SafeJson.String(w, "note", finding.Note);
        if (finding.Exception is { } exception)
        {
            w.WriteStartObject("exception");
            SafeJson.String(w, "findingId", exception.FindingId);
            SafeJson.String(w, "resourceId", exception.ResourceId);
            SafeJson.String(w, "checkId", exception.CheckId);
            SafeJson.String(w, "reason", exception.Reason);
            SafeJson.String(w, "owner", exception.Owner);
            w.WriteString("expires", exception.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("exception");
        }
    }

    public static void Drift(Utf8JsonWriter w, RunDrift? drift)
    {
        if (drift is null)
        {
            w.WriteNull("drift");
            return;
        }

        w.WriteStartObject("drift");
        SafeJson.String(w, "fromRunId", drift.FromRunId);
        SafeJson.String(w, "toRunId", drift.ToRunId);
        w.WriteStartArray("comparedScopes");
        foreach (var scope in drift.ComparedScopes)
        {
            SafeJson.Value(w, scope.Key);
        }

        w.WriteEndArray();
        w.WriteStartArray("changes");
        foreach (var change in drift.Changes)
        {
            w.WriteStartObject();
            w.WriteString("kind", ReportView.Name(change.Kind));
            SafeJson.String(w, "scope", change.Scope.Key);
            SafeJson.String(w, "mirror", change.SessionId);
            SafeJson.String(w, "before", change.Before);
            SafeJson.String(w, "after", change.After);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("uncomparable");
        foreach (var scope in drift.Uncomparable)
        {
            w.WriteStartObject();
            SafeJson.String(w, "scope", scope.Scope.Key);
            SafeJson.String(w, "reason", scope.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void ScopeErrors(Utf8JsonWriter w, IReadOnlyList<ScopeResult> failed)
    {
        w.WriteStartArray("scopeErrors");
        foreach (var scope in failed)
        {
            w.WriteStartObject();
            SafeJson.String(w, "scope", scope.Scope.Key);
            SafeJson.String(w, "errorKind", scope.ErrorKind is { } kind ? ReportView.Name(kind) : null);
            SafeJson.String(w, "error", scope.Error);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
