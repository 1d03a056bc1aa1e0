using PostureScan.Cli;
using PostureScan.Core.Checks;
using PostureScan.Core.Policy;

namespace PostureScan.Hosting;

/// <summary>Loads a policy for any command, turning format errors into one usage error (exit 2) that lists them all.</summary>
internal static class PolicyFiles
{
    public static MirrorPolicy Load(string path, CheckRegistry registry)
    {
        try
        {
            return new PolicyLoader(registry.Metadata).Load(path);
        }
        catch (PolicyFormatException ex)
        {
            throw new UsageException(string.Join(Environment.NewLine, ex.Errors.Select(e => e.ToString())));
        }
    }
}
