using PostureScan.Core.Checks;
using YamlDotNet.RepresentationModel;

namespace PostureScan.Core.Policy;

/// <summary>
/// The <c>checks</c> section: one mapping per check id, with <c>enabled</c>, <c>severity</c> and the
/// settings that check declares in its metadata. Unknown check ids and unknown settings are errors.
/// </summary>
internal sealed class CheckOptionsParser(PolicyYamlReader r, IReadOnlyList<CheckMetadata> checks)
{
    public Dictionary<string, CheckOptions> Parse(YamlNode node, string path)
    {
        var result = new Dictionary<string, CheckOptions>(StringComparer.Ordinal);
        foreach (var (id, (keyNode, value)) in r.Mapping(node, path, allowed: null) ?? [])
        {
            var checkPath = PolicyYamlReader.Join(path, id);
            var metadata = checks.FirstOrDefault(c => c.Id == id);
            if (metadata is null)
            {
                r.Error(keyNode, checkPath, $"unknown check '{PolicyYamlReader.Bounded(id)}'; known checks: {string.Join(", ", checks.Select(c => c.Id))}");
                continue;
            }

            if (ParseOne(metadata, value, checkPath) is { } options)
            {
                result[id] = options;
            }
        }

        return result;
    }

    private CheckOptions? ParseOne(CheckMetadata metadata, YamlNode node, string path)
    {
        var allowed = PolicyKeys.CheckCommon.Concat(metadata.Settings.Select(s => s.Name)).ToList();
        if (r.Mapping(node, path, allowed) is not { } m)
        {
            return null;
        }

        var enabled = m.TryGetValue("enabled", out var e) ? r.Boolean(e.Value, PolicyYamlReader.Join(path, "enabled")) : true;
        var severity = m.TryGetValue("severity", out var s) ? r.Severity(s.Value, PolicyYamlReader.Join(path, "severity")) : null;
        var settings = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var setting in metadata.Settings)
        {
            if (m.TryGetValue(setting.Name, out var entry) && Read(setting, entry.Value, PolicyYamlReader.Join(path, setting.Name)) is { } value)
            {
                settings[setting.Name] = value;
            }
        }

        return new CheckOptions(enabled ?? true, severity, settings);
    }

    private object? Read(CheckSetting setting, YamlNode node, string path)
    {
        if (setting.Kind == SettingKind.Flag)
        {
            return r.Boolean(node, path);
        }

        var value = r.Integer(node, path);
        if (value < setting.Minimum)
        {
            r.Error(node, path, $"must be at least {setting.Minimum}");
            return null;
        }

        return value;
    }
}
