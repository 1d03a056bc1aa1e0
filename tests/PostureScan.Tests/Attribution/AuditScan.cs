using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;
using PostureScan.Emulator;
using PostureScan.Emulator.Gcp;
using PostureScan.Hosting;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests.Attribution;

/// <summary>
/// An estate served by the emulator and scanned in-process through the real pipeline: the providers and the
/// audit sources are built from configuration as <c>scan</c> builds them, the SDK clients talk to the emulator,
/// and every run is committed to a SQLite store in a temporary folder.
/// </summary>
internal sealed class AuditScan : IAsyncDisposable
{
    public const string AwsKey = "AKIAATTRIBUTION00001";
    public const string Tenant = "7e0f4b1c-2a3d-4e5f-8a9b-0c1d2e3f4a5b";
    public const string ClientId = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a";
    public const string Secret = "attribution-test-secret";
    public const string GcpEmail = "scanner@prj-sec-tooling.iam.gserviceaccount.com";

    /// <summary>
    /// A world file: the fixed credentials, then the given lists, each written without indentation (a raw
    /// string's own margin is removed): AWS accounts, Azure subscriptions, GCP projects, and the audit section's keys.
    /// </summary>
    public static string World(string? awsAccounts = null, string? azureSubscriptions = null, string? gcpProjects = null, string? audit = null) => $$"""
        aws:
          credentials:
            - { accessKeyId: {{AwsKey}}, secretAccessKey: x, account: "111111111111" }
          accounts:
        {{Indent(awsAccounts ?? "- { id: \"111111111111\", regions: [{ name: us-east-1 }] }", 4)}}
        azure:
          tenants:
            - id: {{Tenant}}
              applications: [{ clientId: {{ClientId}}, clientSecret: {{Secret}} }]
          subscriptions:
        {{Indent(azureSubscriptions ?? "[]", 4)}}
        gcp:
          serviceAccounts:
            - email: {{GcpEmail}}
          projects:
        {{Indent(gcpProjects ?? "[]", 4)}}
        audit:
        {{Indent(audit ?? "{}", 2)}}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => new string(' ', spaces) + line));

    private readonly TemporaryDirectory _folder;
    private readonly Dictionary<string, string?> _settings;

    private AuditScan(EmulatorHost host, TemporaryDirectory folder, Dictionary<string, string?> settings)
    {
        Host = host;
        _folder = folder;
        _settings = settings;
    }

    /// <summary>The time the world's event times are written relative to, to the second.</summary>
    public static DateTimeOffset Now { get; } = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

    public EmulatorHost Host { get; }

    public string Database => _folder.File("posturescan.db");

    public string Folder => _folder.Path;

    /// <summary>An event time for the world file, <paramref name="offset"/> from <see cref="Now"/>.</summary>
    public static string At(TimeSpan offset) => (Now + offset).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Starts the emulator on <paramref name="world"/> (see <see cref="World"/>) and
    /// configures every provider against it, with the audit sources given as "Audit:..." settings.
    /// </summary>
    public static async Task<AuditScan> StartAsync(string world, params (string Key, string Value)[] audit)
    {
        var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(world, "attribution-test.yaml"));
        var folder = new TemporaryDirectory();
        var key = GcpServiceAccountKey.Generate(GcpEmail, "prj-sec-tooling");
        await File.WriteAllTextAsync(folder.File("gcp-key.json"), key.ToKeyFileJson(GcpServiceAccountKey.TokenUri(host.Endpoint)));
        var settings = new Dictionary<string, string?>
        {
            ["Aws:ServiceUrl"] = host.Endpoint.ToString(),
            ["Aws:AccessKeyId"] = AwsKey,
            ["Aws:SecretAccessKey"] = "x",
            ["Aws:HomeRegion"] = "us-east-1",
            ["Aws:MaxRetries"] = "1",
            ["Azure:TenantId"] = Tenant,
            ["Azure:ClientId"] = ClientId,
            ["Azure:ClientSecret"] = Secret,
            ["Azure:ArmEndpoint"] = host.HttpsEndpoint.ToString(),
            ["Azure:AuthorityHost"] = host.HttpsEndpoint.ToString(),
            ["Azure:TrustedCertificateThumbprint"] = host.CertificateThumbprint,
            ["Azure:MaxRetries"] = "1",
            ["Azure:RetryDelayMs"] = "10",
            ["Gcp:CredentialFile"] = folder.File("gcp-key.json"),
            ["Gcp:ComputeEndpoint"] = new Uri(host.Endpoint, "/compute/v1/").ToString(),
            ["Gcp:ResourceManagerEndpoint"] = host.Endpoint.ToString(),
            ["Gcp:MaxRetries"] = "1",
            ["Gcp:RetryBaseDelayMs"] = "10",
            ["Audit:LookbackDays"] = "30",
        };
        foreach (var (name, value) in audit)
        {
            settings["Audit:" + name] = value;
        }

        return new AuditScan(host, folder, settings);
    }

    /// <summary>"Sources:N:..." settings of a LookupEvents source that retries quickly.</summary>
    public static (string, string)[] Lookup(int index, string name = "trail") =>
        [($"Sources:{index}:Name", name), ($"Sources:{index}:Type", "aws-lookup"), ($"Sources:{index}:RetryBaseDelayMs", "10")];

    public static (string, string)[] Activity(int index, string name = "activity") =>
        [($"Sources:{index}:Name", name), ($"Sources:{index}:Type", "azure-activity")];

    public (string, string)[] Logging(int index, string name = "logging") =>
        [($"Sources:{index}:Name", name), ($"Sources:{index}:Type", "gcp-logging"), ($"Sources:{index}:Endpoint", Host.Endpoint.ToString())];

    /// <summary>Adds or replaces settings (the GCP source needs the emulator's address, known only once it runs).</summary>
    public void Configure(params (string Key, string Value)[] settings)
    {
        foreach (var (name, value) in settings)
        {
            _settings[name] = value;
        }
    }

    /// <summary>The policy evaluated with each scan (the shipped default unless a test sets another), or null for none.</summary>
    public string? Policy { get; set; }

    /// <summary>One scan of <paramref name="providers"/> with the clock <paramref name="later"/> than now, committed to the store.</summary>
    public async Task<AuditScanResult> ScanAsync(TimeSpan later, params string[] providers)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var clock = new ShiftedClock(later);
        var inventory = ProviderRegistry.Create(configuration, TimeProvider.System, providers);
        var audit = AuditSourceRegistry.Create(configuration, TimeProvider.System);
        try
        {
            await using var store = await SqliteRunStore.OpenAsync(Database, TimeProvider.System, CancellationToken.None);
            var policy = Policy is null ? null : PolicyGate.Load(Path.Combine(AppContext.BaseDirectory, "policies", Policy), clock);
            var pipeline = new ScanPipeline(inventory, store, clock, 4, policy, new AuditStage(audit, AuditSourceRegistry.Lookback(configuration), clock));
            var run = await pipeline.RunAsync(null, CancellationToken.None);
            var stored = await store.GetAuditRunAsync(run.Id, CancellationToken.None);
            return new AuditScanResult(run, pipeline.Audit!, stored!, pipeline.Evaluation);
        }
        finally
        {
            foreach (var disposable in inventory.OfType<IDisposable>().Concat(audit.OfType<IDisposable>()))
            {
                disposable.Dispose();
            }
        }
    }

    public Task<AuditScanResult> ScanAsync(params string[] providers) => ScanAsync(TimeSpan.Zero, providers);

    /// <summary>Rows of a store table, counted in SQL (the store's own readers are not the judge of duplicates).</summary>
    public async Task<long> CountAsync(string table, string where = "1 = 1")
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The stored checkpoints as "source key", ordered.</summary>
    public async Task<IReadOnlyList<string>> CheckpointsAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT source || ' ' || key FROM audit_checkpoints ORDER BY source, key";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

/// <summary>One committed scan: the run, the audit side as the pipeline computed it, and as the store gives it back.</summary>
internal sealed record AuditScanResult(ScanRun Run, AuditRunRecord Audit, StoredAuditRun Stored, PolicyEvaluation? Evaluation)
{
    /// <summary>The active findings as (check, resource) pairs.</summary>
    public IReadOnlySet<(string CheckId, string ResourceId)> Flagged =>
        (Evaluation?.Findings ?? []).Where(f => f.IsActive).Select(f => (f.CheckId, f.ResourceId)).ToHashSet();

    /// <summary>A part's attribution as stored (compared without case), from whichever session it belongs to.</summary>
    public Core.Attribution.Attribution Part(string resourceId) =>
        Stored.Report.Sessions.SelectMany(s => s.Parts).Select(p => p.Attribution)
            .First(a => string.Equals(a.ResourceId, resourceId, StringComparison.OrdinalIgnoreCase));
}
