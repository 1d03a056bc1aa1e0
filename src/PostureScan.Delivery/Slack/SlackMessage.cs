using System.Globalization;
using System.Text;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;

namespace PostureScan.Delivery.Slack;

/// <summary>
/// The mrkdwn text of one run summary: counts by severity, scopes failed, the top new findings (check,
/// resource, actor and source IP) and the report. Every piece of data passes through
/// <see cref="SlackText.Data"/>; findings that do not fit in the length bound are counted, not shown.
/// </summary>
internal static class SlackMessage
{
    private const int FieldLength = 120;
    private const int PathLength = 300;

    public static string Compose(DeliveryEvent summaryEvent, DeliveredRunSummary summary, int maxFindings, int maxLength)
    {
        var head = new StringBuilder();
        var alert = summary.ScopesFailed > 0 || summary.NewFindings > 0 ? ":rotating_light: " : "";
        head.Append(CultureInfo.InvariantCulture, $"{alert}*PostureScan run {SlackText.Data(summaryEvent.RunId, 80)}* ")
            .Append(CultureInfo.InvariantCulture, $"({summaryEvent.OccurredAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)\n");
        head.Append("Active findings: ").AppendJoin(" · ", Enum.GetValues<Severity>().Reverse().Select(s => Count(summary, s))).Append('\n');
        head.Append(CultureInfo.InvariantCulture, $"New: {summary.NewFindings} · Resolved: {summary.ResolvedFindings} · Mirror sessions: {summary.Sessions}\n");
        head.Append(CultureInfo.InvariantCulture, $"Scopes: {summary.Scopes} scanned, {summary.ScopesFailed} failed")
            .Append(summary.ScopesFailed > 0 ? " :warning:\n" : "\n");

        var foot = summary.ReportPath is null ? "" : "Report: " + Report(summary.ReportPath);
        var shown = summary.TopNewFindings.Take(maxFindings).Select(Line).ToList();
        var body = new StringBuilder();
        var listed = 0;
        // Reserve room for the "and N more" line, so the bound holds whatever the data.
        var budget = maxLength - head.Length - foot.Length - 60;
        if (shown.Count > 0 && budget > 0)
        {
            body.Append("*Top new findings*\n");
            foreach (var line in shown)
            {
                if (body.Length + line.Length + 1 > budget)
                {
                    break;
                }

                body.Append(line).Append('\n');
                listed++;
            }
        }

        var unlisted = summary.NewFindings - listed;
        if (unlisted > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"…and {unlisted} more new finding{(unlisted == 1 ? "" : "s")}\n");
        }

        return head.Append(body).Append(foot).ToString().TrimEnd('\n');
    }

    private static string Count(DeliveredRunSummary summary, Severity severity)
    {
        var name = severity.ToString().ToLowerInvariant();
        var count = summary.ActiveBySeverity.TryGetValue(name, out var n) ? n : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{count} {name}");
    }

    private static string Line(DeliveredFinding finding)
    {
        var attribution = finding.Attribution;
        var actor = SlackText.Data(attribution?.Actor ?? "unknown actor", FieldLength);
        var ip = SlackText.Data(attribution?.SourceIp ?? "unknown", FieldLength);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"• *{finding.Severity.ToString().ToLowerInvariant()}* {SlackText.Data(finding.CheckId, FieldLength)} · "
            + $"{SlackText.Data(finding.ResourceId, FieldLength)} ({SlackText.Data(finding.Provider, 16)} {SlackText.Data(finding.Account, 64)}) · "
            + $"by {actor} from {ip}");
    }

    /// <summary>An http(s) address becomes a link labelled by us; anything else is shown as a path in code style.</summary>
    private static string Report(string path)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && path.Length <= PathLength)
        {
            var target = uri.AbsoluteUri.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal)
                .Replace(">", "%3E", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
            return $"<{target}|open the report>";
        }

        return "`" + SlackText.Data(path.Replace('`', '\''), PathLength) + "`";
    }
}
