using PostureScan.Bench;
using PostureScan.Bench.Scale;

return args.FirstOrDefault() switch
{
    "scale-world" => ScaleWorldCommand.Run(args[1..]),
    "scale-report" => ScaleReportCommand.Run(args[1..]),
    _ => CorpusCommand.Run(args),
};
