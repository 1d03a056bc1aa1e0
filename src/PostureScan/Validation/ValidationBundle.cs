using System.Globalization;
using System.Text.RegularExpressions;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Validation;

/// <summary>The clean estate that validation starts from, shipped inside the executable.</summary>
internal static partial class ValidationBundle
{
    private const string Prefix = "PostureScan.Validation.";
    private const string WorldName = "validation-world.yaml";

    /// <summary>The world, its audit times (written <c>{{-MINUTES}}</c>) made relative to <paramref name="now"/>.</summary>
    public static World World(DateTimeOffset now)
    {
        var text = MinutesAgo().Replace(Read(WorldName), m =>
            (now - TimeSpan.FromMinutes(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        return Emulator.Worlds.World.Parse(text, WorldName);
    }

    /// <summary>Writes the device files of the clean estate into <paramref name="folder"/>.</summary>
    public static void WriteDevices(string folder)
    {
        const string devices = Prefix + "devices.";
        Directory.CreateDirectory(folder);
        foreach (var name in typeof(ValidationBundle).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(devices, StringComparison.Ordinal)))
        {
            File.WriteAllText(Path.Combine(folder, name[devices.Length..]), Read(name[Prefix.Length..]));
        }
    }

    private static string Read(string name)
    {
        using var stream = typeof(ValidationBundle).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"the executable lacks its embedded {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{-(\d{1,7})\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex MinutesAgo();
}
