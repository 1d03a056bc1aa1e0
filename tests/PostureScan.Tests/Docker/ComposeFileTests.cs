using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using PostureScan.Aws;
using PostureScan.Cli;
using PostureScan.Emulator.Worlds;
using PostureScan.Hosting;
using PostureScan.Serve;
using PostureScan.TestKit;
using YamlDotNet.RepresentationModel;

namespace PostureScan.Tests.Docker;

/// <summary>
/// No container engine runs here, so the compose file and Dockerfile are checked against the project:
/// every path they name exists, every command and option is real, every environment variable binds.
/// </summary>
public sealed partial class ComposeFileTests
{
    // Configuration sections an environment variable may name, and the settings type each binds to.
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Serve"] = typeof(ServeSettings),
        ["Scan"] = typeof(ScanSettings),
        ["Store"] = typeof(StoreSettings),
        ["Aws"] = typeof(AwsOptions),
    };

    private static readonly string Root = RepositoryRoot.Path;
    private static readonly string DockerDir = Path.Combine(Root, "docker");

    [Fact]
    public void Compose_file_parses_and_its_build_and_host_paths_exist()
    {
        var services = Services();
        Assert.Equal(["emulator", "postgres", "scanner-1", "scanner-2"], services.Keys.Order(StringComparer.Ordinal));

        var build = (YamlMappingNode)services["emulator"]["build"];
        var context = Path.GetFullPath(Path.Combine(DockerDir, Scalar(build, "context")));
        Assert.True(File.Exists(Path.Combine(context, "PostureScan.sln")), context);
        Assert.True(File.Exists(Path.Combine(context, Scalar(build, "dockerfile"))));

        var declared = ((YamlMappingNode)Compose()["volumes"]).Children.Keys.Select(k => k.ToString()).ToHashSet();
        foreach (var (name, service) in services)
        {
            foreach (var (host, _) in Volumes(service))
            {
                if (host.StartsWith('.'))
                {
                    var path = Path.GetFullPath(Path.Combine(DockerDir, host));
                    Assert.True(File.Exists(path) || Directory.Exists(path), $"{name}: {host} does not exist");
                }
                else
                {
                    Assert.Contains(host, declared);
                }
            }
        }
    }

    [Fact]
    public void Every_command_option_and_container_path_in_compose_is_real()
    {
        var root = CommandLine.Create();
        foreach (var (name, service) in Services().Where(s => s.Value.Children.ContainsKey("command")))
        {
            var args = ((YamlSequenceNode)service["command"]).Children.Select(c => c.ToString()).ToList();
            var command = root.Subcommands.SingleOrDefault(c => c.Name == args[0]);
            Assert.True(command is not null, $"{name}: no command '{args[0]}'");
            var options = command.Options.Select(o => o.Name).ToHashSet();
            foreach (var arg in args.Skip(1))
            {
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    Assert.Contains(arg, options);
                }
                else if (arg.StartsWith('/'))
                {
                    Assert.True(ResolvesInContainer(service, arg), $"{name}: {arg} is neither mounted nor in the image");
                }
            }
        }
    }

    [Fact]
    public void Every_environment_variable_binds_to_a_setting()
    {
        var names = Services().Values
            .Where(s => s.Children.ContainsKey("environment"))
            .SelectMany(s => ((YamlMappingNode)s["environment"]).Children.Keys.Select(k => k.ToString()))
            .Concat(EnvLine().Matches(File.ReadAllText(Path.Combine(DockerDir, "Dockerfile"))).Select(m => m.Groups["name"].Value))
            .ToList();
        Assert.Contains("POSTURESCAN__STORE__PATH", names);
        foreach (var name in names.Where(n => n.StartsWith("POSTURESCAN__", StringComparison.Ordinal)))
        {
            var parts = name["POSTURESCAN__".Length..].Split("__");
            Assert.Equal(2, parts.Length);
            Assert.True(Sections.TryGetValue(parts[0], out var type), $"{name}: no section {parts[0]}");
            Assert.True(
                type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is not null,
                $"{name}: {type.Name} has no {parts[1]}");
        }
    }

    [Fact]
    public void Ports_agree_between_compose_dockerfile_settings_and_the_emulator()
    {
        var services = Services();
        var published = ((YamlSequenceNode)services["emulator"]["ports"]).Children.Select(p => p.ToString().Split(':')).ToList();
        Assert.All(published, p => Assert.Equal("127.0.0.1", p[0]));
        Assert.All(published, p => Assert.Equal(p[1], p[2]));

        // The scanners share the emulator's namespace: each needs its own metrics port, published there.
        var scannerPorts = Scanners(services).Select(s => Scalar((YamlMappingNode)s["environment"], "POSTURESCAN__SERVE__METRICSPORT")).ToList();
        Assert.Equal(scannerPorts.Count, scannerPorts.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(scannerPorts.Order(StringComparer.Ordinal), published.Select(p => p[2]).Order(StringComparer.Ordinal));
        var defaultPort = new ServeSettings().MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(defaultPort, scannerPorts);

        var dockerfile = File.ReadAllText(Path.Combine(DockerDir, "Dockerfile"));
        Assert.Contains($"EXPOSE {defaultPort}", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"/dev/tcp/127.0.0.1/${{POSTURESCAN__SERVE__METRICSPORT:-{defaultPort}}}", dockerfile, StringComparison.Ordinal);
        Assert.Contains("/healthz", dockerfile, StringComparison.Ordinal);

        var emulatorArgs = ((YamlSequenceNode)services["emulator"]["command"]).Children.Select(c => c.ToString()).ToList();
        var emulatorPort = emulatorArgs[emulatorArgs.IndexOf("--port") + 1];
        var configuration = AppConfiguration.Load(new FileInfo(Path.Combine(DockerDir, "config", "serve.json")));
        var aws = AppConfiguration.Bind<AwsOptions>(configuration, "Aws");
        Assert.Equal(new Uri(aws.ServiceUrl!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), emulatorPort);
    }

    [Fact]
    public void The_scanners_form_one_cluster_on_the_compose_postgres()
    {
        var services = Services();
        var postgres = (YamlMappingNode)services["postgres"]["environment"];
        var scanners = Scanners(services).ToList();
        Assert.Equal(2, scanners.Count);
        var connections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scanner in scanners)
        {
            var environment = (YamlMappingNode)scanner["environment"];
            var settings = new StoreSettings
            {
                Database = Scalar(environment, "POSTURESCAN__STORE__DATABASE"),
                ConnectionString = Scalar(environment, "POSTURESCAN__STORE__CONNECTIONSTRING"),
            };
            var location = StoreLocation.Resolve(null, settings);
            Assert.True(location.IsPostgres);
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(location.Target);
            Assert.Contains(connection.Host!, services.Keys);
            Assert.Equal(5432, connection.Port);
            Assert.Equal(Scalar(postgres, "POSTGRES_DB"), connection.Database);
            Assert.Equal(Scalar(postgres, "POSTGRES_USER"), connection.Username);
            Assert.Equal(Scalar(postgres, "POSTGRES_PASSWORD"), connection.Password);
            connections.Add(location.Target);

            var dependsOn = ((YamlMappingNode)scanner["depends_on"]).Children.Keys.Select(k => k.ToString());
            Assert.Contains("postgres", dependsOn);
            Assert.Equal(
                ((YamlSequenceNode)scanners[0]["command"]).Children.Select(c => c.ToString()),
                ((YamlSequenceNode)scanner["command"]).Children.Select(c => c.ToString()));
        }

        // One database for both: that is what makes them one Quartz cluster.
        Assert.Single(connections);
    }

    [Fact]
    public void The_scanner_configuration_binds_strictly_and_names_a_policy_in_the_image()
    {
        var configuration = AppConfiguration.Load(new FileInfo(Path.Combine(DockerDir, "config", "serve.json")));
        var serve = AppConfiguration.Bind<ServeSettings>(configuration, "Serve");
        var scan = AppConfiguration.Bind<ScanSettings>(configuration, "Scan");
        _ = AppConfiguration.Bind<AwsOptions>(configuration, "Aws");
        ServeSchedule.Validate(serve, scan);
        Assert.NotNull(serve.Policy);
        Assert.All(Scanners(Services()), scanner => Assert.True(ResolvesInContainer(scanner, serve.Policy), serve.Policy));
    }

    [Fact]
    public void The_emulator_loads_the_world_compose_gives_it_and_the_scanners_can_reach_every_account_of_it()
    {
        var emulator = Services()["emulator"];
        var args = ((YamlSequenceNode)emulator["command"]).Children.Select(c => c.ToString()).ToList();
        var container = args[args.IndexOf("--world") + 1];
        var (host, _) = Volumes(emulator).Single(v => v.Container == container);

        // The file as the emulator command reads it: its audit events are written as times relative to the start.
        var world = World.Load(Path.GetFullPath(Path.Combine(DockerDir, host)));

        var configuration = AppConfiguration.Load(new FileInfo(Path.Combine(DockerDir, "config", "serve.json")));
        var aws = AppConfiguration.Bind<AwsOptions>(configuration, "Aws");
        Assert.Contains(aws.AccessKeyId, world.Aws.Credentials.Select(c => c.AccessKeyId));
        Assert.NotEmpty(aws.Accounts);
        Assert.All(aws.Accounts, account => Assert.Contains(account.Id, world.Aws.Accounts.Select(a => a.Id)));
    }

    [Fact]
    public void The_image_is_published_for_its_architecture_from_a_restore_for_the_same()
    {
        var dockerfile = File.ReadAllText(Path.Combine(DockerDir, "Dockerfile"));
        var start = dockerfile.IndexOf(" AS build", StringComparison.Ordinal);
        var build = dockerfile[start..dockerfile.IndexOf("\nFROM ", start, StringComparison.Ordinal)];
        Assert.Matches(@"(?m)^ARG TARGETARCH$", build);

        // A publish for a runtime is what turns on ReadyToRun (PostureScan.csproj); with --no-restore it fails
        // unless the restore named the same architecture.
        var restore = Assert.Single(DotnetLine("restore").Matches(build));
        var publish = Assert.Single(DotnetLine("publish").Matches(build));
        Assert.Contains("--no-restore", publish.Value, StringComparison.Ordinal);
        Assert.Contains("-a \"$TARGETARCH\"", restore.Value, StringComparison.Ordinal);
        Assert.Contains("-a \"$TARGETARCH\"", publish.Value, StringComparison.Ordinal);
        Assert.Contains("--self-contained false", publish.Value, StringComparison.Ordinal);

        // That a publish with -a is ReadyToRun is shown by ReadyToRunTests, from MSBuild's evaluation.
    }

    private static Regex DotnetLine(string verb) => new($@"(?m)^RUN dotnet {verb} .*$");

    [Fact]
    public void Every_dockerfile_copy_source_exists()
    {
        foreach (Match copy in CopyLine().Matches(File.ReadAllText(Path.Combine(DockerDir, "Dockerfile"))))
        {
            var sources = copy.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1);
            foreach (var source in sources)
            {
                var path = Path.Combine(Root, source);
                Assert.True(File.Exists(path) || Directory.Exists(path), source);
            }
        }
    }

    /// <summary>A container path exists when a mount provides it, or the image does (/app/policies is the repository's policies/).</summary>
    private static bool ResolvesInContainer(YamlMappingNode service, string path)
    {
        if (path.StartsWith("/app/policies/", StringComparison.Ordinal))
        {
            return File.Exists(Path.Combine(Root, "policies", path["/app/policies/".Length..]));
        }

        foreach (var (host, container) in Volumes(service))
        {
            if (path == container || path.StartsWith(container + "/", StringComparison.Ordinal))
            {
                // A named volume is empty at first: it provides a place to write, not a file to read.
                return !host.StartsWith('.') || File.Exists(Path.GetFullPath(Path.Combine(DockerDir, host)));
            }
        }

        return false;
    }

    private static IEnumerable<YamlMappingNode> Scanners(Dictionary<string, YamlMappingNode> services) =>
        services.Where(s => s.Key.StartsWith("scanner", StringComparison.Ordinal)).Select(s => s.Value);

    private static IEnumerable<(string Host, string Container)> Volumes(YamlMappingNode service) =>
        service.Children.TryGetValue("volumes", out var volumes)
            ? ((YamlSequenceNode)volumes).Children.Select(v => v.ToString().Split(':')).Select(p => (p[0], p[1]))
            : [];

    private static Dictionary<string, YamlMappingNode> Services() =>
        ((YamlMappingNode)Compose()["services"]).Children.ToDictionary(p => p.Key.ToString(), p => (YamlMappingNode)p.Value);

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(DockerDir, "compose.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => node[key].ToString();

    [GeneratedRegex(@"^COPY (?!--from)(?<args>.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"(?<name>POSTURESCAN__[A-Z_]+)=")]
    private static partial Regex EnvLine();
}
