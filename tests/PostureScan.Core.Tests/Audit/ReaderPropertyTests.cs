using CsCheck;

namespace PostureScan.Core.Tests.Audit;

/// <summary>Generated corruption of every fixture format: the reader never throws and loses only what was damaged.</summary>
public sealed class ReaderPropertyTests
{
    private static readonly string[] Files =
    [
        "aws/cloudtrail-s3-delivery.json", "aws/cloudtrail-firehose.jsonl", "aws/lookup-events-page.json",
        "azure/activity-rest-page.json", "azure/activity-eventhub.json", "azure/PT1H.json",
        "gcp/entries-list-page.json", "gcp/logentries-array.json", "gcp/logentries.jsonl",
    ];

    private static readonly (byte[] Data, List<string> Events)[] Clean =
    [
        .. Files.Select(f =>
        {
            var data = File.ReadAllBytes(AuditFixtures.PathOf(f));
            return (data, AuditFixtures.ReadBytes(data).Events.Select(AuditFixtures.Describe).ToList());
        }),
    ];

    [Fact]
    public void Truncation_anywhere_reports_a_prefix_of_the_events_and_counts_the_damage()
    {
        Gen.Select(Gen.Int[0, Files.Length - 1], Gen.Double[0, 1], Gen.Bool).Sample((file, cut, gzip) =>
        {
            var (data, expected) = Clean[file];
            var length = (int)(cut * (data.Length - 1));
            var input = gzip ? AuditFixtures.Gzip(data)[..(int)(cut * AuditFixtures.Gzip(data).Length)] : data[..length];

            var (result, events) = AuditFixtures.ReadBytes(input);

            var described = events.Select(AuditFixtures.Describe).ToList();
            Assert.Equal(expected.Take(described.Count), described);
            if (!gzip && data.AsSpan(length).ContainsAnyExcept(" \r\n\t"u8) && !EndsAtLine(Files[file], data, length))
            {
                Assert.True(result.MalformedCount > 0 || input.Length == 0 || IsWhitespace(input), "a cut file must count as malformed");
            }
        }, iter: 400);
    }

    [Fact]
    public void A_damaged_byte_loses_at_most_the_records_around_it()
    {
        Gen.Select(Gen.Int[0, Files.Length - 1], Gen.Double[0, 1], Gen.Byte).Sample((file, at, value) =>
        {
            var (data, expected) = Clean[file];
            var input = (byte[])data.Clone();
            input[(int)(at * (input.Length - 1))] = value;

            var (result, events) = AuditFixtures.ReadBytes(input);

            var kept = events.Select(AuditFixtures.Describe).Count(expected.Contains);
            Assert.True(kept >= expected.Count - 3, $"kept {kept} of {expected.Count} in {Files[file]} after byte {(int)(at * (input.Length - 1))} became {value}: {result.MalformedCount} malformed {string.Join("; ", result.Malformed)}");
            Assert.True(result.Matched <= result.Records);
        }, iter: 600);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        Gen.Byte.Array[0, 4000].Sample(bytes =>
        {
            var (result, events) = AuditFixtures.ReadBytes(bytes);
            Assert.True(result.Records >= events.Count);
        }, iter: 500);
    }

    // A JSON Lines file cut at a line ending, just after it or just before it, is a whole, shorter file: nothing in it
    // is damaged (seed frFq43aZD811 cut the firehose file right before a newline and was wrongly held malformed).
    private static bool EndsAtLine(string file, byte[] data, int length) =>
        file.EndsWith(".jsonl", StringComparison.Ordinal)
        && (data.AsSpan(0, length).TrimEnd(" \r\t"u8).EndsWith("\n"u8) || data.AsSpan(length).TrimStart(" \r\t"u8).StartsWith("\n"u8));

    private static bool IsWhitespace(byte[] input) => !input.AsSpan().ContainsAnyExcept(" \r\n\t"u8);
}
