namespace PostureScan.Core.Audit.Normalising;

/// <summary>Operation verbs of the three clouds, and what each does to its resource.</summary>
internal static class VerbActions
{
    private static readonly Dictionary<string, AuditAction> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Create"] = AuditAction.Create,
        ["Insert"] = AuditAction.Create,
        ["Modify"] = AuditAction.Modify,
        ["Update"] = AuditAction.Modify,
        ["Patch"] = AuditAction.Modify,
        ["Put"] = AuditAction.Modify,
        ["Write"] = AuditAction.Modify,
        ["Set"] = AuditAction.Modify,
        ["SetLabels"] = AuditAction.Modify,
        ["SetIamPolicy"] = AuditAction.Modify,
        ["Replace"] = AuditAction.Modify,
        ["Associate"] = AuditAction.Modify,
        ["Disassociate"] = AuditAction.Modify,
        ["Attach"] = AuditAction.Modify,
        ["Detach"] = AuditAction.Modify,
        ["Enable"] = AuditAction.Modify,
        ["Disable"] = AuditAction.Modify,
        ["Add"] = AuditAction.Modify,
        ["Remove"] = AuditAction.Modify,
        ["Delete"] = AuditAction.Delete,
        ["Describe"] = AuditAction.Read,
        ["Get"] = AuditAction.Read,
        ["List"] = AuditAction.Read,
        ["AggregatedList"] = AuditAction.Read,
        ["Lookup"] = AuditAction.Read,
        ["Read"] = AuditAction.Read,
        ["Search"] = AuditAction.Read,
        ["TestIamPermissions"] = AuditAction.Read,
        ["GetIamPolicy"] = AuditAction.Read,
        ["Action"] = AuditAction.Other,
    };

    public static AuditAction Of(string eventName, VerbStyle style)
    {
        var verb = style switch
        {
            VerbStyle.LeadingWord => LeadingWord(eventName),
            VerbStyle.LastSlashSegment => eventName[(eventName.LastIndexOf('/') + 1)..],
            _ => eventName[(eventName.LastIndexOf('.') + 1)..],
        };
        return Table.TryGetValue(verb, out var action) ? action : AuditAction.Other;
    }

    private static string LeadingWord(string name)
    {
        var end = 1;
        while (end < name.Length && !char.IsUpper(name[end]))
        {
            end++;
        }

        return name[..Math.Min(end, name.Length)];
    }
}
