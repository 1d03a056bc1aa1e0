using System.Text.RegularExpressions;
using PostureScan.Core.Audit;

namespace PostureScan.Cisco.Accounting;

/// <summary>
/// Decides whether a logged command changes a monitor session, and tracks the sub-modes it opens, as the
/// device's parser does: <c>monitor session N type erspan-source</c> (or NX-OS <c>monitor session N</c>)
/// enters the session's sub-mode, <c>destination</c> the ERSPAN destination sub-mode under it; a command
/// that neither sub-mode knows falls back to the parent mode and, at global level, closes the session.
/// The keywords of each sub-mode are data.
/// </summary>
internal static partial class MirrorCommandClassifier
{
    /// <summary>The commands of a session's sub-mode (IOS-XE ERSPAN, NX-OS monitor session), by their leading words.</summary>
    private static readonly string[] SessionCommands =
    [
        "description", "source", "destination", "filter", "shutdown", "shut", "erspan-id", "vrf", "mtu",
        "header-type", "plim", "rate-limit", "encapsulation", "ip ttl", "ip dscp", "ip prec", "ip address",
        "origin ip address", "origin ipv6 address", "ipv6 address",
    ];

    /// <summary>The commands of the ERSPAN <c>destination</c> sub-mode, by their leading words.</summary>
    private static readonly string[] DestinationCommands =
    [
        "ip address", "ipv6 address", "erspan-id", "origin ip address", "origin ipv6 address", "vrf", "mtu",
        "ip ttl", "ip dscp", "ip prec",
    ];

    /// <summary>
    /// Classifies <paramref name="command"/> given the user's <paramref name="context"/> and the sessions this
    /// input has already seen on the device; returns the new context through <paramref name="next"/>.
    /// </summary>
    public static MirrorCommand? Classify(string command, ConfigContext? context, Func<int, bool> seen, out ConfigContext? next)
    {
        var global = Global().Match(command);
        if (global.Success)
        {
            return Monitor(global, seen, out next);
        }

        next = context;
        if (context is null)
        {
            return null;
        }

        var text = string.Join(' ', command.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var negated = text.StartsWith("no ", StringComparison.OrdinalIgnoreCase);
        var body = negated ? text[3..] : text;
        if (body.Equals("exit", StringComparison.OrdinalIgnoreCase))
        {
            next = context.InDestination ? context with { InDestination = false } : null;
            return null;
        }

        if (context.InDestination && Starts(body, DestinationCommands))
        {
            return new MirrorCommand(context.Session, AuditAction.Modify);
        }

        if (Starts(body, SessionCommands))
        {
            // A bare "destination" in an ERSPAN source session opens the destination sub-mode.
            next = context with { InDestination = !negated && body.Equals("destination", StringComparison.OrdinalIgnoreCase) };
            return new MirrorCommand(context.Session, AuditAction.Modify);
        }

        next = null;
        return null;
    }

    private static MirrorCommand Monitor(Match global, Func<int, bool> seen, out ConfigContext? next)
    {
        var negated = global.Groups["no"].Success;
        var rest = global.Groups["rest"].Value.Trim();
        next = null;
        if (!int.TryParse(global.Groups["n"].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var session))
        {
            // "no monitor session all | local | remote | range ...": several sessions at once.
            return new MirrorCommand(null, negated ? AuditAction.Delete : AuditAction.Modify);
        }

        if (negated)
        {
            return new MirrorCommand(session, rest.Length == 0 ? AuditAction.Delete : AuditAction.Modify);
        }

        // "monitor session N type ..." and NX-OS "monitor session N" enter the session's sub-mode.
        if (rest.Length == 0 || rest.StartsWith("type", StringComparison.OrdinalIgnoreCase))
        {
            next = new ConfigContext(session, false);
        }

        return new MirrorCommand(session, seen(session) ? AuditAction.Modify : AuditAction.Create);
    }

    private static bool Starts(string body, string[] commands) =>
        commands.Any(c => body.StartsWith(c, StringComparison.OrdinalIgnoreCase) && (body.Length == c.Length || body[c.Length] == ' '));

    [GeneratedRegex(@"^\s*(?<no>no\s+)?monitor\s+session\s+(?:(?<n>\d{1,5})\b|all\b|local\b|remote\b|range\b)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Global();
}
