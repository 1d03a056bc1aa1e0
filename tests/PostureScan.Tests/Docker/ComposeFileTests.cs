using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using PostureScan.Aws;
using PostureScan.Cli;
using PostureScan.Hosting;
using PostureScan.Serve;
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

    private static readonly string Root = FindRoot();
    private static readonly string DockerDir = Path.Combine(Root, "docker");

    [Fact]
    public void Compose_file_parses_and_its_build_and_host_paths_exist()
    {
        var services = Services();
        Assert.Equal(["emulator", "scanner"], services.Keys.Order(StringComparer.Ordinal));

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
        foreach (var (name, service) in Services())
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
        var published = ((YamlSequenceNode)services["emulator"]["ports"]).Children.Single().ToString().Split(':');
        Assert.Equal("127.0.0.1", published[0]);
        Assert.Equal(new ServeSettings().MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture), published[2]);
        Assert.Equal(published[2], Scalar((YamlMappingNode)services["scanner"]["environment"], "POSTURESCAN__SERVE__METRICSPORT"));

        var dockerfile = File.ReadAllText(Path.Combine(DockerDir, "Dockerfile"));
        Assert.Contains($"EXPOSE {published[2]}", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"/dev/tcp/127.0.0.1/{published[2]}", dockerfile, StringComparison.Ordinal);
        Assert.Contains("/healthz", dockerfile, StringComparison.Ordinal);

        var emulatorArgs = ((YamlSequenceNode)services["emulator"]["command"]).Children.Select(c => c.ToString()).ToList();
        var emulatorPort = emulatorArgs[emulatorArgs.IndexOf("--port") + 1];
        var configuration = AppConfiguration.Load(new FileInfo(Path.Combine(DockerDir, "config", "serve.json")));
        var aws = AppConfiguration.Bind<AwsOptions>(configuration, "Aws");
        Assert.Equal(new Uri(aws.ServiceUrl!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), emulatorPort);
    }

    [Fact]
    public void The_scanner_configuration_binds_strictly_and_names_a_policy_in_the_image()
    {
        var configuration = AppConfiguration.Load(new FileInfo(Path.Combine(DockerDir, "config", "serve.json")));
        var serve = AppConfiguration.Bind<ServeSettings>(configuration, "Serve");
        _ = AppConfiguration.Bind<ScanSettings>(configuration, "Scan");
        _ = AppConfiguration.Bind<AwsOptions>(configuration, "Aws");
        ServeSchedule.Validate(serve);
        Assert.NotNull(serve.Policy);
        Assert.True(ResolvesInContainer(Services()["scanner"], serve.Policy), serve.Policy);
    }

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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PostureScan.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (PostureScan.sln) is not above the test output.");
    }

    [GeneratedRegex(@"^COPY (?!--from)(?<args>.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"(?<name>POSTURESCAN__[A-Z_]+)=")]
    private static partial Regex EnvLine();
}
