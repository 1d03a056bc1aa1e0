namespace PostureScan.Emulator.Aws;

/// <summary>Handles one action of a query-protocol service.</summary>
internal delegate QueryResult QueryAction(QueryCall call);
