using System.Text.Json;
using CsCheck;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Core.Tests.Audit;

/// <summary>The fast scanner accepts exactly the JSON that System.Text.Json accepts, on damaged records.</summary>
public sealed class ScannerDifferentialTests
{
    private static readonly byte[][] Records =
    [
        .. new[] { "aws/cloudtrail-firehose.jsonl", "azure/PT1H.json", "gcp/logentries.jsonl" }
            .SelectMany(f => File.ReadAllLines(AuditFixtures.PathOf(f)))
            .Select(System.Text.Encoding.UTF8.GetBytes),
    ];

    private static readonly byte[] Interesting = "{}[]:,\"\\ 0123456789-+.eEtrufalsn\t\n\u0001"u8.ToArray();

    [Fact]
    public void Damaged_records_are_valid_for_the_scanner_exactly_when_they_parse()
    {
        var edit = Gen.Select(Gen.Double[0, 1], Gen.Int[0, Interesting.Length - 1].Select(i => Interesting[i]), Gen.Int[0, 2]);
        Gen.Select(Gen.Int[0, Records.Length - 1], edit.Array[1, 3]).Sample((index, edits) =>
        {
            var data = new List<byte>(Records[index]);
            foreach (var (at, value, kind) in edits)
            {
                var position = (int)(at * (data.Count - 1));
                if (kind == 0)
                {
                    data[position] = value;
                }
                else if (kind == 1)
                {
                    data.Insert(position, value);
                }
                else
                {
                    data.RemoveAt(position);
                }
            }

            var bytes = data.ToArray();
            var scan = JsonValueScanner.Scan(bytes, isFinalBlock: true, EventNameMatcher.Any, maxDepth: 64);
            var scannerAccepts = scan.Status == ScanStatus.Complete && !bytes.AsSpan(scan.Length).ContainsAnyExcept(" \t\r\n"u8);

            Assert.Equal(Parses(bytes), scannerAccepts);
        }, iter: 3000);
    }

    [Theory]
    [InlineData("""{"a":[1,2.5,-3e+2,0,true,false,null,"x\u0041\n"]}""", true)]
    [InlineData("""{"a":01}""", false)]
    [InlineData("""{"a":1.}""", false)]
    [InlineData("""{"a":-}""", false)]
    [InlineData("""{"a":[1,]}""", false)]
    [InlineData("""{"a" 1}""", false)]
    [InlineData("""{"a":"\x"}""", false)]
    [InlineData("""{"a":"\u12G4"}""", false)]
    [InlineData("""{"a":tru}""", false)]
    [InlineData("""{,}""", false)]
    [InlineData("""[]""", true)]
    public void Hand_picked_grammar_cases_agree_with_the_parser(string json, bool valid)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var scan = JsonValueScanner.Scan(bytes, isFinalBlock: true, EventNameMatcher.Any, maxDepth: 64);

        Assert.Equal(valid, Parses(bytes));
        Assert.Equal(valid, scan.Status == ScanStatus.Complete && scan.Length == bytes.Length);
    }

    private static bool Parses(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
