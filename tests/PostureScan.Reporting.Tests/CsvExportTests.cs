using PostureScan.Reporting.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Reporting.Tests;

/// <summary>The CSV export's column order is the one README documents, and rows hold what they say.</summary>
public sealed class CsvExportTests
{
    [Fact]
    public async Task The_header_is_the_column_order_documented_in_the_readme()
    {
        var readme = await File.ReadAllTextAsync(RepositoryRoot.Combine("README.md"));
        var section = readme[readme.IndexOf("### CSV columns", StringComparison.Ordinal)..];
        var documented = section.Split('\n').Skip(1).SkipWhile(l => !l.StartsWith("| 1 ", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|')[2].Trim().Trim('`')).ToList();

        await using var store = await FixedStore.CreateAsync();
        var rows = Rfc4180.Parse(await Render.ToStringAsync(Render.Export("csv"), await store.Loader().LoadAsync("latest", CancellationToken.None)));

        Assert.Equal(documented, rows[0]);
    }

    [Fact]
    public async Task One_row_per_mirror_with_its_attribution_and_findings()
    {
        await using var store = await FixedStore.CreateAsync();
        var data = await store.Loader().LoadAsync("latest", CancellationToken.None);
        var rows = Rfc4180.Parse(await Render.ToStringAsync(Render.Export("csv"), data));
        var header = rows[0].ToList();
        string Cell(string id, string column) => rows.Single(r => r[header.IndexOf("mirror_id")] == id)[header.IndexOf(column)];

        Assert.Equal(data.Run.Sessions.Count, rows.Count - 1);
        Assert.Equal("attributed", Cell("tms-02", "attribution_state"));
        Assert.Equal("arn:aws:iam::111122223333:user/mallory", Cell("tms-02", "last_changed_by"));
        Assert.Equal("critical", Cell("tms-02", "highest_severity"));
        Assert.Equal("false", Cell("tms-03", "enabled"));
        Assert.Equal("'" + Payloads.Formula, Cell("tms-06", "name"));
        Assert.Equal("not attributed yet", Rfc4180.Parse(await Render.ToStringAsync(Render.Export("csv"), await store.Loader(withAttributions: false).LoadAsync("latest", CancellationToken.None)))[1][header.IndexOf("attribution")]);
    }
}
