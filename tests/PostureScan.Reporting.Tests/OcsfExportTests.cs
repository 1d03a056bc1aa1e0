using System.Text.Json;
using PostureScan.Reporting.Tests.Support;

namespace PostureScan.Reporting.Tests;

/// <summary>
/// The OCSF export against the attributes OCSF 1.3.0 marks "required", written down here from the schema
/// (base event, Discovery/Device Inventory Info 5001, Findings/Compliance Finding 2003, and the objects
/// they hold), independent of the writer.
/// </summary>
public sealed class OcsfExportTests
{
    private static readonly string[] BaseEvent = ["activity_id", "category_uid", "class_uid", "type_uid", "severity_id", "time", "metadata", "metadata.version", "metadata.product"];

    private static readonly Dictionary<int, string[]> Required = new()
    {
        [5001] = [.. BaseEvent, "device", "device.type_id"],
        [2003] = [.. BaseEvent, "finding_info", "finding_info.uid", "finding_info.title", "compliance", "compliance.standards"],
    };

    [Fact]
    public async Task Every_event_has_its_class_required_attributes()
    {
        await using var store = await FixedStore.CreateAsync();
        var data = await store.Loader().LoadAsync("latest", CancellationToken.None);
        using var document = JsonDocument.Parse(await Render.ToStringAsync(Render.Export("ocsf"), data));
        var events = document.RootElement.EnumerateArray().ToList();

        Assert.Equal(data.Run.Sessions.Count, events.Count(e => e.GetProperty("class_uid").GetInt32() == 5001));
        Assert.Equal(data.Evaluation!.Findings.Count, events.Count(e => e.GetProperty("class_uid").GetInt32() == 2003));
        foreach (var e in events)
        {
            var classUid = e.GetProperty("class_uid").GetInt32();
            Assert.True(Required.ContainsKey(classUid), $"unexpected class {classUid}");
            foreach (var path in Required[classUid])
            {
                Assert.True(Find(e, path) is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined }, $"class {classUid} lacks required {path}");
            }

            Assert.Equal(classUid / 1000, e.GetProperty("category_uid").GetInt32());
            Assert.Equal((classUid * 100) + e.GetProperty("activity_id").GetInt32(), e.GetProperty("type_uid").GetInt64());
            Assert.InRange(e.GetProperty("severity_id").GetInt32(), 0, 6);
            Assert.Equal("1.3.0", Find(e, "metadata.version")!.Value.GetString());
            Assert.False(string.IsNullOrEmpty(Find(e, "metadata.product.name")?.GetString()));
            Assert.True(e.GetProperty("time").TryGetInt64(out var ms) && ms > 0, "time is epoch milliseconds");
            if (Find(e, "cloud") is { } cloud)
            {
                Assert.False(string.IsNullOrEmpty(cloud.GetProperty("provider").GetString()), "cloud.provider is required");
            }
        }
    }

    [Fact]
    public async Task Finding_statuses_map_to_activities_and_compliance_statuses()
    {
        await using var store = await FixedStore.CreateAsync();
        using var document = JsonDocument.Parse(await Render.ToStringAsync(Render.Export("ocsf"), await store.Loader().LoadAsync("latest", CancellationToken.None)));
        var findings = document.RootElement.EnumerateArray().Where(e => e.GetProperty("class_uid").GetInt32() == 2003).ToList();

        var resolved = Assert.Single(findings, f => f.GetProperty("status").GetString() == "Resolved");
        Assert.Equal(3, resolved.GetProperty("activity_id").GetInt32());
        Assert.Equal(1, resolved.GetProperty("compliance").GetProperty("status_id").GetInt32());
        Assert.All(findings.Where(f => f.GetProperty("status").GetString() == "New"), f =>
        {
            Assert.Equal(1, f.GetProperty("activity_id").GetInt32());
            Assert.Equal(3, f.GetProperty("compliance").GetProperty("status_id").GetInt32());
        });
        var critical = findings.Where(f => f.GetProperty("severity_id").GetInt32() == 5).ToList();
        Assert.Equal(2, critical.Count);
        Assert.All(findings, f => Assert.Equal("T1020.001", Find(f, "finding_info.attacks")!.Value[0].GetProperty("technique").GetProperty("uid").GetString()));
    }

    private static JsonElement? Find(JsonElement element, string path)
    {
        foreach (var name in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }
}
