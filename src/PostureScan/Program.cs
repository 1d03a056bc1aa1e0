return await PostureScan.Cli.CommandLine.RunAsync(args);
