using System.IO.Compression;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Core.Tests.Audit;

/// <summary>Reads the project's own audit-log fixtures (written after the providers' published shapes).</summary>
internal static class AuditFixtures
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Audit", "Fixtures", relative);

    public static (AuditReadResult Result, List<AuditEvent> Events) ReadFile(string relative, EventNameMatcher? matcher = null)
    {
        var events = new List<AuditEvent>();
        var result = new AuditLogReader(matcher ?? EventNameMatcher.Mirror).ReadFile(PathOf(relative), events.Add);
        return (result, events);
    }

    public static (AuditReadResult Result, List<AuditEvent> Events) ReadBytes(byte[] data, AuditReaderOptions? options = null)
    {
        var events = new List<AuditEvent>();
        using var stream = AuditInputStreams.Decompressing(new MemoryStream(data));
        var result = new AuditLogReader(EventNameMatcher.Mirror, options).Read(stream, AuditInput.FromFile("test", 0), events.Add);
        return (result, events);
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

    /// <summary>Every normalised field except where it was read, for comparing events across formats.</summary>
    public static string Describe(AuditEvent e) => string.Join('|',
        AuditNames.Of(e.Time), e.Platform, e.EventName, e.Actor, e.SourceIp, e.Action, e.Outcome, e.ErrorCode, e.ErrorMessage,
        e.Scope, e.Region, string.Join(',', e.ResourceIds), e.EventId, e.UserAgent, e.Service, e.OperationId);

    public static AuditEvent Single(IEnumerable<AuditEvent> events, string eventId) => events.Single(e => e.EventId == eventId);
}
