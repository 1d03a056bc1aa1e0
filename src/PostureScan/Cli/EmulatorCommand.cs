using System.CommandLine;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Cli;

/// <summary><c>posturescan emulator --world FILE [--port N]</c>: the standalone wire-faithful cloud emulator.</summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var worldFile = new Option<FileInfo>("--world") { Description = "World file (YAML), see docs/emulator.md", Required = true };
        var port = new Option<int>("--port") { Description = "Loopback port of the AWS APIs (0 picks a free one)", DefaultValueFactory = _ => 4566 };
        var httpsPort = new Option<int>("--https-port") { Description = "Loopback HTTPS port of Azure Resource Manager (0 picks a free one)", DefaultValueFactory = _ => 4567 };
        var timingLog = new Option<FileInfo?>("--timing-log") { Description = "Also write each request's arrival and time to answer (milliseconds) to this file" };
        var command = new Command("emulator", "Serve the cloud APIs of a world file on 127.0.0.1 until interrupted") { worldFile, port, httpsPort, timingLog };
        command.SetAction(async (parse, ct) =>
        {
            World world;
            try
            {
                world = World.Load(parse.GetValue(worldFile)!.FullName);
            }
            catch (WorldFormatException ex)
            {
                throw new UsageException(ex.Message);
            }

            await using var timing = parse.GetValue(timingLog) is { } file ? OpenTimingLog(file) : null;
            await PortInUse.Refused(() => EmulatorHost.RunAsync(world, parse.GetValue(port), Console.Out, ct, parse.GetValue(httpsPort), timing), "--port or --https-port");
            return ExitCodes.Success;
        });
        return command;
    }

    private static StreamWriter OpenTimingLog(FileInfo file)
    {
        try
        {
            return new StreamWriter(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--timing-log: cannot write {file.FullName}: {ex.Message}");
        }
    }
}
