using System.Diagnostics;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Bench;

/// <summary>
/// <c>profile FILE...</c>: splits the cost of reading a corpus on one thread into decompression
/// alone and decompression plus the audit reader, to show where the time goes.
/// </summary>
internal static class ProfileCommand
{
    public static int Run(IReadOnlyList<string> files)
    {
        var buffer = new byte[256 * 1024];
        var watch = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        long bytes = 0;
        foreach (var file in files)
        {
            using var stream = AuditInputStreams.OpenFile(file);
            while (stream.Read(buffer) is var n and > 0)
            {
                bytes += n;
            }
        }

        var decompress = watch.Elapsed;
        Console.WriteLine($"decompress cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpu0:F2} s");
        var reader = new AuditLogReader(EventNameMatcher.Mirror);
        long records = 0, matched = 0;
        var read = TimeSpan.Zero;
        for (var pass = 0; pass < 2; pass++)
        {
            records = matched = 0;
            watch.Restart();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            foreach (var file in files)
            {
                var result = reader.ReadFile(file, _ => { });
                records += result.Records;
                matched += result.Matched;
            }

            read = watch.Elapsed;
            Console.WriteLine($"pass {pass}: {read.TotalSeconds:F2} s wall, {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpu:F2} s cpu");
        }

        watch.Restart();
        foreach (var file in files)
        {
            var data = File.ReadAllBytes(file);
            using var gz = AuditInputStreams.Decompressing(new MemoryStream(data));
            using var plain = new MemoryStream();
            gz.CopyTo(plain);
            plain.Position = 0;
            watch.Restart();
            reader.Read(plain, PostureScan.Core.Audit.AuditInput.FromFile(file, 0), _ => { });
        }

        var scanOnly = watch.Elapsed;
        Console.WriteLine($"bytes={bytes} records={records} matched={matched}");
        Console.WriteLine($"decompress only: {decompress.TotalSeconds:F2} s ({bytes / decompress.TotalSeconds / 1e6:F0} MB/s)");
        Console.WriteLine($"decompress+read: {read.TotalSeconds:F2} s ({bytes / read.TotalSeconds / 1e6:F0} MB/s)");
        Console.WriteLine($"read (last file, from memory): {scanOnly.TotalSeconds:F2} s");
        return 0;
    }
}
