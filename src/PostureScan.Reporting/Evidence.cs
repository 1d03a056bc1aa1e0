using PostureScan.Core.Drift;
using PostureScan.Core.Inventory;

namespace PostureScan.Reporting;

/// <summary>Plain-text descriptions of a mirror's parts, shared by the HTML and Markdown reports (escaped there).</summary>
internal static class Evidence
{
    /// <summary>Sources listed before the rest are counted.</summary>
    private const int MaxSources = 10;

    public static string Sources(MirrorSession session)
    {
        var shown = session.Sources.Take(MaxSources).Select(s =>
            $"{s.Kind} {s.Id}" + (s.Name is { Length: > 0 } n ? $" ({n})" : "") + (s.Addresses.Count > 0 ? $" [{string.Join(", ", s.Addresses.Take(4))}]" : ""));
        var text = string.Join("; ", shown);
        return session.Sources.Count > MaxSources ? $"{text}; and {session.Sources.Count - MaxSources} more" : text.Length == 0 ? "none listed" : text;
    }

    public static string Destination(MirrorSession session) => DriftText.Destination(session)
        + (session.Target?.InternetFacing == true ? ", internet-facing" : "")
        + (session.TargetInForeignAccount ? ", in another account" : "");

    public static string Filter(MirrorSession session) =>
        (session.AcceptsEverything ? "copies everything; " : "") + DriftText.FilterShown(session);

    public static string Tags(IReadOnlyDictionary<string, string> tags, int maxValue) =>
        string.Join("; ", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Take(20)
            .Select(t => $"{Text.SafeText.Clean(t.Key, 128)}={Text.SafeText.Clean(t.Value, maxValue)}"))
        + (tags.Count > 20 ? $"; and {tags.Count - 20} more tags" : "");

    /// <summary>
    /// The creation, every change and refused call after it and the calls logged before it (a refused create), oldest
    /// first, as lines; a refused call says so, with its error code.
    /// </summary>
    public static IReadOnlyList<string> Timeline(Core.Attribution.Attribution attribution)
    {
        var lines = new List<string>(attribution.BeforeCreation.OrderBy(c => c.Time).Select(Line));
        if (attribution.CreatedAt is { } created)
        {
            lines.Add($"{Formats.Time(created)}: created by {attribution.Actor ?? "an unknown actor"} from {attribution.SourceIp ?? "an unknown address"}"
                + (attribution.UserAgent is { Length: > 0 } agent ? $" ({agent})" : ""));
        }

        lines.AddRange(attribution.Changes.Concat(attribution.Refused).OrderBy(c => c.Time).Select(Line));

        if (attribution.Reason is { Length: > 0 } reason)
        {
            lines.Add(reason);
        }

        return lines;
    }

    private static string Line(Core.Attribution.AttributedChange change) =>
        $"{Formats.Time(change.Time)}: {change.EventName} ({change.Action}, {Outcome(change)}) by {change.Actor ?? "an unknown actor"} from {change.SourceIp ?? "an unknown address"}, event {change.EventId}";

    private static string Outcome(Core.Attribution.AttributedChange change) =>
        Core.Attribution.AttributedChange.IsRefused(change) ? $"refused: {change.ErrorCode ?? "no error code logged"}" : change.Outcome;
}
