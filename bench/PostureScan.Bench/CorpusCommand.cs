using System.Globalization;

namespace PostureScan.Bench;

/// <summary>
/// <c>generate --out DIR [--records N] [--files N] [--mirror-percent P] [--seed S]</c>: writes a
/// CloudTrail corpus as S3 delivers it (<c>{"Records":[...]}</c> in .json.gz files).
/// </summary>
internal static class CorpusCommand
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "profile")
        {
            return ProfileCommand.Run(args[1..]);
        }

        if (args.Length == 0 || args[0] != "generate")
        {
            Console.Error.WriteLine("usage: generate --out DIR [--records 1000000] [--files 8] [--mirror-percent 1] [--seed 1]");
            return 2;
        }

        var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var output = options.GetValueOrDefault("--out") ?? "corpus";
        var records = long.Parse(options.GetValueOrDefault("--records") ?? "1000000", CultureInfo.InvariantCulture);
        var files = int.Parse(options.GetValueOrDefault("--files") ?? "8", CultureInfo.InvariantCulture);
        var mirrorPercent = double.Parse(options.GetValueOrDefault("--mirror-percent") ?? "1", CultureInfo.InvariantCulture);
        var seed = int.Parse(options.GetValueOrDefault("--seed") ?? "1", CultureInfo.InvariantCulture);

        Directory.CreateDirectory(output);
        var mirrors = new long[files];
        var bytes = new long[files];
        Parallel.For(0, files, file =>
        {
            var count = (records / files) + (file < records % files ? 1 : 0);
            var path = Path.Combine(output, $"111122223333_CloudTrail_us-east-1_20241014T{file:D4}Z_bench{file:D3}.json.gz");
            (mirrors[file], bytes[file]) = CorpusFile.Write(path, count, mirrorPercent / 100, seed * 7919 + file, file);
        });
        Console.WriteLine($"records={records} files={files} mirror_events={mirrors.Sum()} uncompressed_bytes={bytes.Sum()}");
        return 0;
    }
}
