using PostureScan.Emulator.Worlds;

namespace PostureScan.Demo;

/// <summary>The sample estate shipped inside the executable, so demo works from any directory.</summary>
internal static class DemoBundle
{
    public const string WorldName = "demo-world.yaml";
    public const string SettingsName = "demo-settings.json";
    public const string PolicyName = "sanctioned-ndr.example.yaml";

    public static Stream Open(string name) =>
        typeof(DemoBundle).Assembly.GetManifestResourceStream($"PostureScan.Demo.{name}")
        ?? throw new InvalidOperationException($"the executable lacks its embedded {name}");

    public static string ReadText(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }

    /// <summary>Writes the bundled device files (running-configs) into <paramref name="folder"/>.</summary>
    public static void WriteDevices(string folder)
    {
        const string prefix = "PostureScan.Demo.devices.";
        Directory.CreateDirectory(folder);
        foreach (var name in typeof(DemoBundle).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var resource = typeof(DemoBundle).Assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(Path.Combine(folder, name[prefix.Length..]));
            resource.CopyTo(file);
        }
    }

    /// <summary>
    /// Writes the bundled audit logs into <paramref name="folder"/>, their event times (written in the bundle
    /// as <c>{{-MINUTES}}</c>, or <c>{{-MINUTES:syslog}}</c> and <c>{{-MINUTES:tacacs}}</c> in the device logs'
    /// own spellings) made relative to <paramref name="now"/>, so the events fall inside the lookback window.
    /// </summary>
    public static void WriteAuditLogs(string folder, DateTimeOffset now)
    {
        const string prefix = "PostureScan.Demo.audit.";
        Directory.CreateDirectory(folder);
        foreach (var name in typeof(DemoBundle).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            File.WriteAllText(Path.Combine(folder, name[prefix.Length..]), RelativeTimes.Render(ReadText(name["PostureScan.Demo.".Length..]), now));
        }
    }
}
