using PostureScan.Core.Audit;

namespace PostureScan.Cisco.Accounting;

/// <summary>
/// Decides whether a logged command changes a monitor session, and tracks the sub-modes it opens, as the
/// device's parser does: <c>monitor session N type erspan-source</c> (or NX-OS <c>monitor session N</c>)
/// enters the session's sub-mode, <c>destination</c> the ERSPAN destination sub-mode under it; a command
/// that neither sub-mode knows falls back to the parent mode and, at global level, closes the session.
/// Keywords may be abbreviated as IOS allows (<see cref="MonitorSyntax"/>); the syntax of each mode is data.
/// </summary>
internal static class MirrorCommandClassifier
{
    /// <summary>
    /// Classifies <paramref name="command"/> given the user's <paramref name="context"/> and the sessions this
    /// input has already seen on the device; returns the new context through <paramref name="next"/>, and the
    /// command with its keywords written out through <paramref name="text"/>.
    /// </summary>
    public static MirrorCommand? Classify(string command, ConfigContext? context, Func<int, bool> seen, out ConfigContext? next, out string text)
    {
        var words = MonitorSyntax.Words(command);
        if (MonitorSyntax.TryGlobal(words, out var negated, out var session, out var rest))
        {
            text = string.Join(' ', words);
            return Monitor(negated, session, words[Math.Min(rest, words.Length)..], seen, out next);
        }

        text = string.Join(' ', words);
        next = context;
        if (context is null || words.Length == 0)
        {
            return null;
        }

        var isNo = words[0].Equals("no", StringComparison.OrdinalIgnoreCase);
        var start = isNo ? 1 : 0;
        if (words.Length == start)
        {
            next = null;
            return null;
        }

        // The innermost mode that knows the command takes it; "exit" leaves that mode.
        if (context.InDestination && Expand(words, start, MonitorSyntax.DestinationMode) is { } inner)
        {
            text = string.Join(' ', words);
            next = inner == "exit" ? context with { InDestination = false } : context;
            return inner == "exit" ? null : new MirrorCommand(context.Session, AuditAction.Modify);
        }

        if (Expand(words, start, MonitorSyntax.SessionMode) is { } keyword)
        {
            text = string.Join(' ', words);
            if (keyword == "exit")
            {
                next = null;
                return null;
            }

            // A bare "destination" in an ERSPAN source session opens the destination sub-mode.
            next = context with { InDestination = !isNo && keyword == "destination" && words.Length == 1 };
            return new MirrorCommand(context.Session, AuditAction.Modify);
        }

        next = null;
        return null;
    }

    /// <summary>The mode's keyword the command starts with, its keywords written out in a copy kept only on success.</summary>
    private static string? Expand(string[] words, int start, KeywordNode mode)
    {
        var copy = (string[])words.Clone();
        if (!mode.Expand(copy, start))
        {
            return null;
        }

        MonitorSyntax.ExpandDirection(copy, start);
        copy.CopyTo(words, 0);
        return words[start];
    }

    private static MirrorCommand Monitor(bool negated, int? session, string[] rest, Func<int, bool> seen, out ConfigContext? next)
    {
        next = null;
        if (session is not { } n)
        {
            // "no monitor session all | local | remote | range ...": several sessions at once.
            return new MirrorCommand(null, negated ? AuditAction.Delete : AuditAction.Modify);
        }

        if (negated)
        {
            return new MirrorCommand(n, rest.Length == 0 ? AuditAction.Delete : AuditAction.Modify);
        }

        // "monitor session N type ..." and NX-OS "monitor session N" enter the session's sub-mode.
        if (rest.Length == 0 || rest[0] == "type")
        {
            next = new ConfigContext(n, false);
        }

        return new MirrorCommand(n, seen(n) ? AuditAction.Modify : AuditAction.Create);
    }
}
