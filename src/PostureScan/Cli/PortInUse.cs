using Microsoft.AspNetCore.Connections;

namespace PostureScan.Cli;

/// <summary>
/// A listener whose port another process holds: Kestrel reports it as an exception around
/// <see cref="AddressInUseException"/>, which would end the command with a stack trace. For the user it is a
/// setting to change, so it becomes a usage error naming the setting.
/// </summary>
internal static class PortInUse
{
    public static async Task Refused(Func<Task> listen, string setting)
    {
        try
        {
            await listen();
        }
        catch (Exception ex) when (ExceptionChain.Of(ex).Any(e => e is AddressInUseException))
        {
            throw new UsageException($"{ex.Message.TrimEnd('.')}: another process holds the port; choose another with {setting}");
        }
    }
}
