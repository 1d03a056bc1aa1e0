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
}
