namespace PostureScan.Hosting;

/// <summary>
/// One sink of <c>Delivery:Sinks</c>. The common fields first, then each type's own; the factory refuses a
/// field that its type does not use. A secret (token, webhook URL, HMAC key) is given either directly, which
/// suits configuration secret providers and POSTURESCAN__ environment variables, or by the name of an
/// environment variable that holds it (<c>...FromEnv</c>), so it never has to sit in the file.
/// </summary>
internal sealed class DeliverySinkSettings
{
    /// <summary>The outbox's key for the sink: unique, and kept when the sink's other settings change.</summary>
    public string Name { get; set; } = "";

    /// <summary>webhook, sumologic, splunk or slack.</summary>
    public string Type { get; set; } = "";

    /// <summary>info, low, medium, high or critical: the lowest severity of finding sent.</summary>
    public string MinSeverity { get; set; } = "info";

    /// <summary>Any of newFinding, resolvedFinding, runSummary, scopeError; empty means all four.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Events per request, where the type batches (0: the type's default).</summary>
    public int MaxBatchSize { get; set; }

    /// <summary>The receiver's address (a secret for Slack and Sumo Logic, whose URLs carry the credential).</summary>
    public string? Url { get; set; }

    public string? UrlFromEnv { get; set; }

    /// <summary>A bearer-style token (Splunk HEC).</summary>
    public string? Token { get; set; }

    public string? TokenFromEnv { get; set; }

    /// <summary>The webhook's shared HMAC-SHA256 key: with it, each request is signed.</summary>
    public string? Secret { get; set; }

    public string? SecretFromEnv { get; set; }

    /// <summary>Sumo Logic: X-Sumo-Category, X-Sumo-Name, X-Sumo-Host.</summary>
    public string? Category { get; set; }

    public string? SourceName { get; set; }

    public string? SourceHost { get; set; }

    /// <summary>Splunk HEC: sourcetype, index, source.</summary>
    public string? SourceType { get; set; }

    public string? Index { get; set; }

    public string? Source { get; set; }

    /// <summary>Sumo Logic and Splunk HEC: the most bytes in one request body (0: 1,000,000); a larger batch is split.</summary>
    public int MaxBodyBytes { get; set; }

    /// <summary>Slack: how many of the run's top new findings the message lists (null: 5).</summary>
    public int? MaxFindings { get; set; }
}
