namespace PostureScan.Hosting;

/// <summary>
/// The "Audit" configuration section: how far a first read looks back, and the audit sources, each a
/// section with a <c>Name</c>, a <c>Type</c> (see <see cref="AuditSourceRegistry"/>) and that type's settings.
/// </summary>
internal sealed class AuditSettings
{
    public const string Section = "Audit";

    /// <summary>How far back a first read of a source goes (the providers keep 90 days of management events).</summary>
    public int LookbackDays { get; set; } = 90;
}
