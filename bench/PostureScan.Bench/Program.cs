using PostureScan.Bench;
using PostureScan.Bench.Scale;
using PostureScan.Bench.Store;

return args.FirstOrDefault() switch
{
    "scale-world" => ScaleWorldCommand.Run(args[1..]),
    "scale-report" => ScaleReportCommand.Run(args[1..]),
    "store-insert" => await StoreInsertCommand.RunAsync(args[1..]),
    "ready-to-run" => ReadyToRunCommand.Run(args[1..]),
    _ => CorpusCommand.Run(args),
};
