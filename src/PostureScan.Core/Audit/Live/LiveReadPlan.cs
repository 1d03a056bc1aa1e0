namespace PostureScan.Core.Audit.Live;

/// <summary>
/// How a live source reads: how far back the API can answer, how late it delivers events (the next read
/// starts that much before the end of this one, and the store keeps each event once), and how many
/// scopes it reads at once.
/// </summary>
public sealed record LiveReadPlan(TimeSpan Retention, TimeSpan DeliveryLag, int MaxConcurrency);
