using System.Globalization;
using System.Text.Json;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Bench.Scale;

/// <summary>
/// <c>scale-world --out DIR [--accounts 120] [--regions 17] [--sessions 3] [--latency-ms 50] [--throttle-rate 0.05]
/// [--concurrency 32] [--scopes-in-progress 64] [--seed 1]</c>: writes the world file, the scanner's configuration (every account through
/// its reader role, every enabled region discovered) and the plan with the minimum calls the world needs.
/// </summary>
internal static class ScaleWorldCommand
{
    public static int Run(string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var shape = new ScaleShape();
        shape = shape with
        {
            Accounts = Int("--accounts", shape.Accounts),
            RegionsPerAccount = Int("--regions", shape.RegionsPerAccount),
            SessionsPerRegion = Int("--sessions", shape.SessionsPerRegion),
            LatencyMs = Int("--latency-ms", shape.LatencyMs),
            ThrottleRate = options.TryGetValue("--throttle-rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : shape.ThrottleRate,
            Concurrency = Int("--concurrency", shape.Concurrency),
            ScopesInProgress = Int("--scopes-in-progress", shape.ScopesInProgress),
            Seed = Int("--seed", shape.Seed),
        };
        var output = options.GetValueOrDefault("--out") ?? "scale";
        Directory.CreateDirectory(output);

        var world = Generate(shape);
        var yaml = WorldYaml.Write(world);
        // The emulator reads the file back: prove now that it will, rather than after a build and a start.
        World.Parse(yaml, "world.yaml");
        File.WriteAllText(Path.Combine(output, "world.yaml"), yaml);
        File.WriteAllText(Path.Combine(output, "scan.json"), ScanConfiguration(shape));
        var minimum = ApiMinimum.Of(world, shape.PageSize);
        File.WriteAllText(Path.Combine(output, "plan.json"), JsonSerializer.Serialize(new ScalePlan(shape, minimum.ByAction, minimum.Scopes), ScalePlan.Json));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scopes={minimum.Scopes} sessions={minimum.Scopes * shape.SessionsPerRegion} minimum_calls={minimum.Total} world_bytes={yaml.Length}"));
        return 0;
    }

    public static World Generate(ScaleShape shape) => WorldGenerator.Generate(new WorldGeneratorOptions
    {
        Accounts = shape.Accounts,
        RegionsPerAccount = shape.RegionsPerAccount,
        SessionsPerRegion = shape.SessionsPerRegion,
        Seed = shape.Seed,
        Faults = new Faults { LatencyMs = shape.LatencyMs, ThrottleRate = shape.ThrottleRate, Seed = shape.Seed },
    });

    /// <summary>The base key of the first account assumes the reader role in every account, as an organisation's scanner does.</summary>
    public static string ScanConfiguration(ScaleShape shape)
    {
        var accounts = Enumerable.Range(0, shape.Accounts).Select(i => WorldGenerator.AccountId(i)).Select(id => new Dictionary<string, string>
        {
            ["Id"] = id,
            ["RoleArn"] = $"arn:aws:iam::{id}:role/{WorldGenerator.ReaderRole}",
        });
        var configuration = new Dictionary<string, object>
        {
            ["Scan"] = new Dictionary<string, object> { ["MaxConcurrency"] = shape.EffectiveScopesInProgress, ["Providers"] = new[] { "aws" } },
            ["Aws"] = new Dictionary<string, object>
            {
                ["AccessKeyId"] = WorldGenerator.AccessKeyId(0),
                ["SecretAccessKey"] = "secret-0",
                ["MaxConcurrency"] = shape.Concurrency,
                ["PageSize"] = shape.PageSize,
                ["Accounts"] = accounts.ToList(),
            },
        };
        return JsonSerializer.Serialize(configuration, ScalePlan.Json);
    }
}
