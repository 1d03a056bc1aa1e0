using PostureScan.Bench;

return CorpusCommand.Run(args);
