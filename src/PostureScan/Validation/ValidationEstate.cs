using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using PostureScan.Emulator;
using PostureScan.Emulator.Gcp;
using PostureScan.Hosting;

namespace PostureScan.Validation;

/// <summary>
/// The running clean estate: the emulator on loopback with the sanctioned design, the device files and log
/// folder of the Cisco network, and the configuration a user would write to scan it all (the same file
/// <c>detect --config</c> reads). The adversary plays into it; the product reads it.
/// </summary>
internal sealed class ValidationEstate : IAsyncDisposable
{
    public const string Bucket = "org-cloudtrail-validate";
    private const string ScannerAccount = "posturescan@secops-ndr.iam.gserviceaccount.com";

    /// <summary>The provider whose audit log each configured source reads, by source name.</summary>
    private static readonly Dictionary<string, string> SourceProviders = new(StringComparer.Ordinal)
    {
        ["aws-lookup"] = "aws",
        ["aws-s3"] = "aws",
        ["azure-activity"] = "azure",
        ["gcp-logging"] = "gcp",
        ["device-logs"] = "cisco",
    };

    private readonly JsonObject _settings;

    private ValidationEstate(EmulatorHost emulator, ValidationClock clock, string folder, JsonObject settings)
    {
        Emulator = emulator;
        Clock = clock;
        Folder = folder;
        _settings = settings;
    }

    public EmulatorHost Emulator { get; }

    public ValidationClock Clock { get; }

    public string Folder { get; }

    public string Devices => Path.Combine(Folder, "devices");

    /// <summary>Where the network's syslog and TACACS+ accounting are collected.</summary>
    public string DeviceLogs => Path.Combine(Folder, "device-logs");

    public string ConfigFile => Path.Combine(Folder, "posturescan.json");

    public string Database => Path.Combine(Folder, "posturescan.db");

    public static async Task<ValidationEstate> StartAsync(string folder, ValidationClock clock, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var world = ValidationBundle.World(clock.GetUtcNow());
        var emulator = await EmulatorHost.StartAsync(world, new EmulatorOptions { TimeProvider = clock }, ct);
        try
        {
            var key = GcpServiceAccountKey.Generate(ScannerAccount, "secops-ndr");
            var keyFile = Path.Combine(folder, "gcp-service-account.json");
            await File.WriteAllTextAsync(keyFile, key.ToKeyFileJson(GcpServiceAccountKey.TokenUri(emulator.Endpoint)), ct);
            var estate = new ValidationEstate(emulator, clock, folder, Settings(emulator, keyFile, folder));
            ValidationBundle.WriteDevices(estate.Devices);
            Directory.CreateDirectory(estate.DeviceLogs);
            SanctionedDeviceHistory.Write(estate.DeviceLogs, clock.GetUtcNow());
            var indented = new JsonSerializerOptions { WriteIndented = true };
            await File.WriteAllTextAsync(estate.ConfigFile, estate._settings.ToJsonString(indented), ct);
            // detect --source gcp-logging takes the Cloud Logging endpoint from its own section, which no other source type accepts.
            var gcpDetect = estate._settings.DeepClone().AsObject();
            gcpDetect["Detect"] = new JsonObject { ["Source"] = new JsonObject { ["Endpoint"] = emulator.Endpoint.ToString() } };
            await File.WriteAllTextAsync(Path.Combine(folder, GcpScenario.GcpDetectConfig), gcpDetect.ToJsonString(indented), ct);
            return estate;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The scan's configuration: the file, less the audit sources of <paramref name="unattributed"/> providers.</summary>
    public IConfiguration ScanConfiguration(IReadOnlySet<string> unattributed)
    {
        var settings = _settings.DeepClone().AsObject();
        var sources = settings["Audit"]!["Sources"]!.AsArray();
        foreach (var source in sources.Where(s => unattributed.Contains(SourceProviders[s!["Name"]!.GetValue<string>()])).ToList())
        {
            sources.Remove(source);
        }

        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(settings));
        return AppConfiguration.Load(null, null, json);
    }

    private static JsonObject Settings(EmulatorHost emulator, string gcpKey, string folder) => new()
    {
        ["Scan"] = new JsonObject { ["MaxConcurrency"] = 4 },
        ["Aws"] = new JsonObject
        {
            ["AccessKeyId"] = "AKIAVALIDATESCANNER1",
            ["SecretAccessKey"] = "validate-secret-not-checked",
            ["HomeRegion"] = "us-east-1",
            ["ServiceUrl"] = emulator.Endpoint.ToString(),
            ["Accounts"] = new JsonArray(
                new JsonObject { ["Id"] = "111111111111", ["Name"] = "security-tooling" },
                Assumed("222222222222", "prod"),
                Assumed("333333333333", "staging")),
        },
        ["Azure"] = new JsonObject
        {
            ["TenantId"] = "4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b",
            ["ClientId"] = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
            ["ClientSecret"] = "validate-secret-not-for-production",
            ["ArmEndpoint"] = emulator.HttpsEndpoint.ToString(),
            ["AuthorityHost"] = emulator.HttpsEndpoint.ToString(),
            ["TrustedCertificateThumbprint"] = emulator.CertificateThumbprint,
            ["RetryDelayMs"] = 200,
        },
        ["Gcp"] = new JsonObject
        {
            ["ComputeEndpoint"] = new Uri(emulator.Endpoint, "/compute/v1/").ToString(),
            ["ResourceManagerEndpoint"] = emulator.Endpoint.ToString(),
            ["CredentialFile"] = gcpKey,
        },
        ["Cisco"] = new JsonObject { ["Directory"] = Path.Combine(folder, "devices") },
        ["Audit"] = new JsonObject
        {
            ["LookbackDays"] = 60,
            ["Sources"] = new JsonArray(
                Source("aws-lookup", "aws-lookup"),
                Source("aws-s3", "aws-s3", ("Bucket", Bucket)),
                Source("azure-activity", "azure-activity"),
                Source("gcp-logging", "gcp-logging", ("Endpoint", emulator.Endpoint.ToString())),
                Source("device-logs", "files", ("Paths", new JsonArray(Path.Combine(folder, "device-logs"))))),
        },
    };

    private static JsonObject Assumed(string id, string name) => new()
    {
        ["Id"] = id,
        ["Name"] = name,
        ["RoleArn"] = $"arn:aws:iam::{id}:role/PostureScanReadOnly",
        ["ExternalId"] = "posturescan-validate",
    };

    private static JsonObject Source(string name, string type, params (string Key, JsonNode? Value)[] more)
    {
        var source = new JsonObject { ["Name"] = name, ["Type"] = type };
        foreach (var (key, value) in more)
        {
            source[key] = value;
        }

        return source;
    }

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
}
