using Microsoft.Playwright;
using PostureScan.TestKit;

namespace PostureScan.Reporting.Tests.Support;

/// <summary>
/// A report written to a file and opened in a fresh browser context that records every request (and lets
/// through only the report file itself), every dialog, and every Content-Security-Policy violation.
/// </summary>
internal sealed class OpenedReport : IAsyncDisposable
{
    private readonly TemporaryDirectory folder;
    private readonly IBrowserContext context;

    private OpenedReport(TemporaryDirectory folder, IBrowserContext context, IPage page, string url)
    {
        this.folder = folder;
        this.context = context;
        Page = page;
        Url = url;
    }

    public IPage Page { get; }

    public string Url { get; }

    /// <summary>Every request the page made, the report file's own included.</summary>
    public List<string> Requests { get; } = [];

    public List<string> Dialogs { get; } = [];

    public static async Task<OpenedReport> OpenAsync(IBrowser browser, string html, BrowserNewContextOptions? options = null)
    {
        var folder = new TemporaryDirectory();
        var path = folder.File("report.html");
        await File.WriteAllTextAsync(path, html);
        var url = new Uri(path).AbsoluteUri;
        var context = await browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        var page = await context.NewPageAsync();
        var opened = new OpenedReport(folder, context, page, url);
        await context.RouteAsync("**/*", route => route.Request.Url == url ? route.ContinueAsync() : route.AbortAsync());
        page.Request += (_, request) => opened.Requests.Add(request.Url);
        page.Dialog += (_, dialog) =>
        {
            opened.Dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        // Installed before any page script: collects what the policy blocked, had anything tried.
        await page.AddInitScriptAsync("window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return opened;
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        folder.Dispose();
    }
}
