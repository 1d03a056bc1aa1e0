using System.CommandLine;
using PostureScan.Core.Checks;
using PostureScan.Core.Policy;

namespace PostureScan.Cli;

/// <summary><c>posturescan policy validate FILE</c>: reads a policy as scan would, and reports every error with its position.</summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The policy file (YAML, see policies/policy.schema.json)" };
        var validate = new Command("validate", "Check a policy file; errors name file, line, column and key, and exit with 2") { file };
        validate.SetAction(parse => Validate(parse.GetValue(file)!, TimeProvider.System));
        return new Command("policy", "Work with policy files") { validate };
    }

    private static int Validate(FileInfo file, TimeProvider time)
    {
        MirrorPolicy policy;
        try
        {
            policy = new PolicyLoader(CheckRegistry.CreateDefault().Metadata).Load(file.FullName);
        }
        catch (PolicyFormatException ex)
        {
            foreach (var error in ex.Errors)
            {
                // Relative to what the user typed, so editors and CI annotations can jump to it.
                Console.Error.WriteLine((error with { File = file.ToString() }).ToString());
            }

            return ExitCodes.UsageOrConfiguration;
        }

        var now = time.GetUtcNow();
        var expired = policy.Exceptions.Count(e => e.IsExpired(now));
        Console.Out.WriteLine(
            $"{file}: valid (version {policy.Version}): {policy.Collectors.Count} collectors, {policy.Principals.Count} principals, "
            + $"{policy.SourceNetworks.Count} source networks, {policy.Sensitive.Count} sensitive sources, {policy.Coverage.Count} coverage rules, "
            + $"{policy.Exceptions.Count} exceptions ({expired} expired), {policy.Checks.Count} check settings");
        foreach (var exception in policy.Exceptions.Where(e => e.IsExpired(now)))
        {
            // Expiry is not an error: the finding simply comes back. Say so before the next scan does.
            Console.Error.WriteLine($"{file}: note: the exception for {exception.FindingId ?? exception.ResourceId} owned by {exception.Owner} expired on {exception.Expires:yyyy-MM-dd}");
        }

        return ExitCodes.Success;
    }
}
