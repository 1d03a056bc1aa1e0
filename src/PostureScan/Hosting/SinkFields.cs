namespace PostureScan.Hosting;

/// <summary>
/// Which sink types use which fields of <see cref="DeliverySinkSettings"/>: one table, so the error for a
/// misplaced field names that field, and a new field cannot be forgotten by one type's refusals. The common
/// fields (Name, Type, MinSeverity, Events, Url, UrlFromEnv) are not listed.
/// </summary>
internal static class SinkFields
{
    public static readonly IReadOnlyList<SinkField> TypeSpecific =
    [
        new(nameof(DeliverySinkSettings.MaxBatchSize), ["webhook", "sumologic", "splunk"], s => s.MaxBatchSize != 0),
        new(nameof(DeliverySinkSettings.Token), ["splunk"], s => s.Token is not null),
        new(nameof(DeliverySinkSettings.TokenFromEnv), ["splunk"], s => s.TokenFromEnv is not null),
        new(nameof(DeliverySinkSettings.Secret), ["webhook"], s => s.Secret is not null),
        new(nameof(DeliverySinkSettings.SecretFromEnv), ["webhook"], s => s.SecretFromEnv is not null),
        new(nameof(DeliverySinkSettings.Category), ["sumologic"], s => s.Category is not null),
        new(nameof(DeliverySinkSettings.SourceName), ["sumologic"], s => s.SourceName is not null),
        new(nameof(DeliverySinkSettings.SourceHost), ["sumologic", "splunk"], s => s.SourceHost is not null),
        new(nameof(DeliverySinkSettings.SourceType), ["splunk"], s => s.SourceType is not null),
        new(nameof(DeliverySinkSettings.Index), ["splunk"], s => s.Index is not null),
        new(nameof(DeliverySinkSettings.Source), ["splunk"], s => s.Source is not null),
        new(nameof(DeliverySinkSettings.MaxBodyBytes), ["sumologic", "splunk"], s => s.MaxBodyBytes != 0),

        // Slack lists 0 to 50 findings, so an explicit 0 is a setting too.
        new(nameof(DeliverySinkSettings.MaxFindings), ["slack"], s => s.MaxFindings is not null),
    ];

    /// <summary>The fields that <paramref name="settings"/> sets and its type does not use, in table order.</summary>
    public static IReadOnlyList<SinkField> Misplaced(DeliverySinkSettings settings) =>
        [.. TypeSpecific.Where(f => f.IsSet(settings) && !f.Types.Contains(settings.Type, StringComparer.OrdinalIgnoreCase))];
}
