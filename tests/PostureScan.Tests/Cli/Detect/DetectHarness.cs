using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PostureScan.Cli.Detect;
using PostureScan.TestKit;

namespace PostureScan.Tests.Cli.Detect;

/// <summary>Runs <c>detect</c> in-process on files written to a temporary folder, capturing its output.</summary>
internal sealed class DetectHarness : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public string Folder => folder.Path;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero));

    public string Write(string name, string content, bool gzip = false)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Encoding.UTF8.GetBytes(content);
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);
        return path;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public async Task<(int ExitCode, string Output, string Error)> Run(params string[] args) => await RunWithInput([], args);

    public async Task<(int ExitCode, string Output, string Error)> RunWithInput(byte[] input, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new DetectConsole(new MemoryStream(input), output, error, Time);
        var exit = await DetectCommand.Create(() => console).Parse(args).InvokeAsync();
        return (exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static string CloudTrail(params (string Name, string Time, string Id, string Actor)[] records) =>
        "{\"Records\":[" + string.Join(",", records.Select(r =>
            $$"""{"eventVersion":"1.10","userIdentity":{"type":"IAMUser","arn":"{{r.Actor}}","accountId":"444455556666"},"eventTime":"{{r.Time}}","eventSource":"ec2.amazonaws.com","eventName":"{{r.Name}}","awsRegion":"eu-central-1","sourceIPAddress":"203.0.113.9","eventID":"{{r.Id}}","recipientAccountId":"444455556666"}""")) + "]}";

    public void Dispose() => folder.Dispose();
}
