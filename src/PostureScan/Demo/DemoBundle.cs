namespace PostureScan.Demo;

/// <summary>The sample estate shipped inside the executable, so demo works from any directory.</summary>
internal static class DemoBundle
{
    public const string WorldName = "demo-world.yaml";
    public const string SettingsName = "demo-settings.json";

    public static Stream Open(string name) =>
        typeof(DemoBundle).Assembly.GetManifestResourceStream($"PostureScan.Demo.{name}")
        ?? throw new InvalidOperationException($"the executable lacks its embedded {name}");

    public static string ReadText(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }
}
