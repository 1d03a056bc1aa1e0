using PostureScan.Emulator;
using PostureScan.Emulator.Gcp;
using PostureScan.Emulator.Worlds;
using PostureScan.TestKit;

namespace PostureScan.Gcp.Tests;

/// <summary>
/// The emulator serving a GCP world, a service-account key generated for the test (its public half
/// registered in the world, its token_uri pointing at the emulator), and scanner options to match.
/// </summary>
internal sealed class GcpEmulator : IAsyncDisposable
{
    public const string Email = "posturescan@prj-sec-tooling.iam.gserviceaccount.com";

    // RSA key generation is slow on a busy machine; one registered key serves every test.
    private static readonly Lazy<GcpServiceAccountKey> SharedKey = new(() => GcpServiceAccountKey.Generate(Email, "prj-sec-tooling"));

    private readonly TemporaryDirectory _dir;

    private GcpEmulator(EmulatorHost host, TemporaryDirectory dir, GcpServiceAccountKey key, string keyFile)
    {
        Host = host;
        _dir = dir;
        Key = key;
        KeyFile = keyFile;
    }

    public EmulatorHost Host { get; }

    /// <summary>The key registered in the world.</summary>
    public GcpServiceAccountKey Key { get; }

    public string KeyFile { get; }

    /// <summary>
    /// Starts the emulator with <paramref name="projects"/> (and their <paramref name="audit"/> logs);
    /// <paramref name="signingKey"/> replaces the registered key's signer.
    /// </summary>
    public static async Task<GcpEmulator> StartAsync(IReadOnlyList<GcpProject> projects, GcpServiceAccountKey? signingKey = null, AuditWorld? audit = null)
    {
        var key = SharedKey.Value;
        var world = new World
        {
            Gcp = new GcpWorld
            {
                ServiceAccounts = [new GcpServiceAccount { Email = Email, PublicKey = key.PublicKeyPem }],
                Projects = projects,
            },
            Audit = audit ?? new AuditWorld(),
        };
        return await StartAsync(world, key, signingKey ?? key);
    }

    /// <summary>Starts the emulator with <paramref name="world"/>; the key file holds <paramref name="signingKey"/>.</summary>
    public static async Task<GcpEmulator> StartAsync(World world, GcpServiceAccountKey key, GcpServiceAccountKey signingKey)
    {
        var host = await EmulatorHost.StartAsync(world);
        var dir = new TemporaryDirectory();
        var keyFile = dir.File("key.json");
        await File.WriteAllTextAsync(keyFile, signingKey.ToKeyFileJson(GcpServiceAccountKey.TokenUri(host.Endpoint)));
        return new GcpEmulator(host, dir, key, keyFile);
    }

    public GcpOptions Options(params string[] projects) => new()
    {
        Projects = [.. projects],
        CredentialFile = KeyFile,
        ComputeEndpoint = new Uri(Host.Endpoint, "/compute/v1/").ToString(),
        ResourceManagerEndpoint = Host.Endpoint.ToString(),
        RetryBaseDelayMs = 20,
        MaxConcurrency = 4,
    };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _dir.Dispose();
    }
}
