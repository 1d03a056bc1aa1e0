using System.Text;
using PostureScan.Cisco.Parsing;

namespace PostureScan.Cisco.Inventory;

/// <summary>
/// Gives every device file a unique scope name: the configured name (by file name, then by the name in
/// the file), else the name in the file, else the file name. Devices left with the same name (two lab
/// switches both called "Switch") are each named after their file instead, so no scope hides another.
/// </summary>
internal static class DeviceNaming
{
    public static IReadOnlyList<(DeviceFile File, string Name)> Assign(IReadOnlyList<DeviceFile> files, IReadOnlyDictionary<string, string> configured)
    {
        var first = files.Select(f => Preferred(f, configured)).ToList();
        var taken = first.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<(DeviceFile, string)>();
        for (var i = 0; i < files.Count; i++)
        {
            var name = taken.Contains(first[i]) ? FromFileName(files[i].FileName) : first[i];
            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{name}-{n}";
            }

            result.Add((files[i], unique));
        }

        return result;
    }

    private static string Preferred(DeviceFile file, IReadOnlyDictionary<string, string> configured)
    {
        if (configured.TryGetValue(file.FileName, out var byFile))
        {
            return byFile;
        }

        if (file.NameInFile is { } inFile)
        {
            return configured.TryGetValue(inFile, out var byName) ? byName : inFile;
        }

        return FromFileName(file.FileName);
    }

    /// <summary>The file name without its extension, reduced to host-name characters.</summary>
    public static string FromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var builder = new StringBuilder();
        foreach (var c in stem.Take(63))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var name = builder.ToString().TrimStart('.', '-', '_');
        return DeviceNameReader.IsValid(name) ? name : "device";
    }
}
