using PostureScan.Reporting.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Reporting.Tests;

/// <summary>
/// Every format, written from the fixed store with fake time, equals its golden file byte for byte. To accept a
/// deliberate change, run with POSTURESCAN_UPDATE_GOLDEN=1 and review the diff of tests/.../Golden.
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string, string, string> Formats() => new()
    {
        { "report", "html", "report.html" },
        { "report", "md", "report.md" },
        { "report", "json", "report.json" },
        { "export", "csv", "export.csv" },
        { "export", "json", "export.json" },
        { "export", "ocsf", "export.ocsf.json" },
        { "export", "asff", "export.asff.json" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Output_matches_its_golden_file(string kind, string format, string golden)
    {
        await using var store = await FixedStore.CreateAsync();
        var data = await store.Loader().LoadAsync("latest", CancellationToken.None);
        var writer = kind == "report" ? Render.Report(format) : Render.Export(format);

        var actual = await Render.ToStringAsync(writer, data);

        var source = RepositoryRoot.Combine("tests", "PostureScan.Reporting.Tests", "Golden", golden);
        if (Environment.GetEnvironmentVariable("POSTURESCAN_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(source, actual);
        }

        Assert.True(File.Exists(source), $"golden file {golden} is missing; run once with POSTURESCAN_UPDATE_GOLDEN=1");
        var expected = await File.ReadAllTextAsync(source);
        Assert.Equal(expected.ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_same_data_gives_the_same_bytes()
    {
        await using var store = await FixedStore.CreateAsync();
        var first = await store.Loader().LoadAsync(Estate.Run3, CancellationToken.None);
        var second = await store.Loader().LoadAsync(Estate.Run3, CancellationToken.None);

        foreach (var writer in ReportWriters.Reports.Concat(ReportWriters.Exports))
        {
            Assert.Equal(await Render.ToStringAsync(writer, first), await Render.ToStringAsync(writer, second));
        }
    }
}
