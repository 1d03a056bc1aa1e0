using Microsoft.Playwright;
using PostureScan.Reporting.Html;
using PostureScan.Reporting.Tests.Support;

namespace PostureScan.Reporting.Tests;

/// <summary>The HTML report from the fixed store, hostile mirror included, in headless Chromium.</summary>
public sealed class HtmlReportBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static async Task<string> HtmlAsync()
    {
        await using var store = await FixedStore.CreateAsync();
        return HtmlReportWriter.Render(await store.Loader().LoadAsync("latest", CancellationToken.None));
    }

    [Fact]
    public async Task It_renders_with_its_charts_and_runs_no_script_from_the_data_and_fetches_nothing()
    {
        await using var report = await OpenedReport.OpenAsync(chromium.Browser, await HtmlAsync());
        var page = report.Page;

        Assert.Contains(Estate.Run3, await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("Traffic-mirroring posture", await page.InnerTextAsync("h1"));
        var bars = page.Locator("svg[data-chart='findings-by-severity'] g");
        Assert.Equal(5, await bars.CountAsync());
        Assert.Equal("2", await bars.First.GetAttributeAsync("data-value"));
        Assert.True(await page.Locator("svg[data-chart='findings-by-severity']").IsVisibleAsync());
        Assert.Equal(3, await page.Locator("svg[data-chart='trend'] circle.dot.sessions").CountAsync());

        // The payloads are on the page as text, and nothing they would have done happened.
        var inventory = await page.InnerTextAsync("#inventory-table");
        Assert.Contains(Payloads.Script, inventory, StringComparison.Ordinal);
        Assert.Contains("onerror=", inventory, StringComparison.Ordinal);
        Assert.Equal("undefined", await page.EvaluateAsync<string>($"typeof window.{Payloads.Global}"));
        Assert.Empty(report.Dialogs);
        Assert.Equal(1, await page.EvaluateAsync<int>("document.scripts.length"));
        Assert.Equal(0, await page.Locator("img, iframe, object, embed, link, a[href^='http']").CountAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));

        Assert.Equal([report.Url], report.Requests);
    }

    [Fact]
    public async Task Its_tables_sort_and_filter()
    {
        await using var report = await OpenedReport.OpenAsync(chromium.Browser, await HtmlAsync());
        var page = report.Page;
        var severities = page.Locator("#findings-table tbody tr td:first-child");
        var header = page.Locator("#findings-table thead button", new() { HasTextString = "Severity" });

        await header.ClickAsync();
        var ascending = await severities.AllInnerTextsAsync();
        await header.ClickAsync();
        var descending = await severities.AllInnerTextsAsync();

        Assert.Equal("LOW", ascending[0].ToUpperInvariant());
        Assert.Equal("CRITICAL", descending[0].ToUpperInvariant());
        Assert.Equal(ascending.Reverse().Select(Rank), descending.Select(Rank));
        Assert.Equal("descending", await page.Locator("#findings-table thead th").First.GetAttributeAsync("aria-sort"));

        await page.FillAsync("input[data-filter='findings-table']", "collector-unhealthy");
        Assert.Equal(1, await page.Locator("#findings-table tbody tr:visible").CountAsync());
        await page.FillAsync("input[data-filter='findings-table']", "");
        Assert.Equal(await page.Locator("#findings-table tbody tr").CountAsync(), await page.Locator("#findings-table tbody tr:visible").CountAsync());
    }

    [Fact]
    public async Task It_fits_a_phone_and_prints()
    {
        await using var report = await OpenedReport.OpenAsync(chromium.Browser, await HtmlAsync(),
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, DeviceScaleFactor = 2 });
        var page = report.Page;

        // Wide tables scroll inside their own box; the page itself never scrolls sideways.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
        Assert.True(await page.Locator("svg[data-chart='findings-by-severity']").IsVisibleAsync());

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("input[data-filter='findings-table']").IsVisibleAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    private static int Rank(string severity) => severity.ToLowerInvariant() switch
    {
        "critical" => 4,
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    };
}
