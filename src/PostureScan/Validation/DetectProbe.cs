using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using PostureScan.Cli.Detect;

namespace PostureScan.Validation;

/// <summary>Runs the <c>detect</c> command in-process, as a user would type it, and reads its JSON Lines output.</summary>
internal static class DetectProbe
{
    public static async Task<DetectRun> RunAsync(IReadOnlyList<string> arguments, TimeProvider time, CancellationToken ct)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new DetectConsole(Stream.Null, output, error, time);
        var root = new RootCommand { DetectCommand.Create(() => console) };
        var exit = await root.Parse(["detect", .. arguments]).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, ct);
        var events = Encoding.UTF8.GetString(output.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonNode.Parse(line) as JsonObject)
            .OfType<JsonObject>()
            .ToList();
        return new DetectRun(exit, events, error.ToString());
    }
}
