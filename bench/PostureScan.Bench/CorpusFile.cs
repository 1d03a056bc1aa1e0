using System.IO.Compression;
using System.Text.Json;

namespace PostureScan.Bench;

/// <summary>One gzip CloudTrail log file of generated records.</summary>
internal static class CorpusFile
{
    /// <summary>Writes the file; returns how many mirror events it holds and its uncompressed size.</summary>
    public static (long Mirrors, long Bytes) Write(string path, long records, double mirrorShare, int seed, int fileIndex)
    {
        var random = new Random(seed);
        var generator = new RecordGenerator(random);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var counting = new CountingStream(gzip);
        using (var writer = new Utf8JsonWriter(counting, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            var start = new DateTimeOffset(2024, 10, 14, 0, 0, 0, TimeSpan.Zero).AddHours(fileIndex);
            long mirrors = 0;
            for (long i = 0; i < records; i++)
            {
                var mirror = random.NextDouble() < mirrorShare;
                mirrors += mirror ? 1 : 0;
                generator.Write(writer, start.AddMilliseconds(i * 3), mirror);
                if (writer.BytesPending > 1 << 16)
                {
                    writer.Flush();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            return (mirrors, counting.Written);
        }
    }
}
