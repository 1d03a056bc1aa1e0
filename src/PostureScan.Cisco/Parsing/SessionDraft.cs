using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// One monitor session while its lines are being read. Every collection is bounded, so a hostile file
/// cannot grow a session without limit; what is dropped is counted as an issue.
/// </summary>
internal sealed class SessionDraft(int number, int occurrence, int firstLine)
{
    public const int MaxLines = 64;
    public const int MaxSources = 1024;
    public const int MaxIssues = 32;

    public int Number { get; } = number;

    /// <summary>1 normally; 2 and up when the same session number heads several blocks of show output.</summary>
    public int Occurrence { get; } = occurrence;

    public int FirstLine { get; } = firstLine;

    public SessionKind Kind { get; set; }

    /// <summary>The state the file states (shutdown, no shutdown, Admin Enabled, state up); null when it says nothing.</summary>
    public bool? AdminEnabled { get; set; }

    /// <summary>
    /// The state when the file says nothing: classic one-line SPAN sessions have no shutdown and run as
    /// soon as they have a source and a destination; sub-mode sessions are created shut down.
    /// </summary>
    public bool EnabledByDefault { get; set; } = true;

    public string? Description { get; set; }

    private readonly HashSet<DraftSource> sourceSet = [];
    private readonly HashSet<string> destinationSet = new(StringComparer.OrdinalIgnoreCase);

    public List<DraftSource> Sources { get; } = [];

    public List<string> DestinationInterfaces { get; } = [];

    public int? DestinationVlan { get; set; }

    /// <summary>ERSPAN source: where the copies are sent. ERSPAN destination: the address they arrive at.</summary>
    public string? ErspanAddress { get; set; }

    public long? ErspanId { get; set; }

    public string? OriginAddress { get; set; }

    public string? Vrf { get; set; }

    public int? Mtu { get; set; }

    public List<string> FilterVlans { get; } = [];

    public List<AccessGroup> AccessGroups { get; } = [];

    /// <summary>NX-OS simple filter: source and destination prefixes of the copied packets.</summary>
    public string? SimpleFilterSource { get; set; }

    public string? SimpleFilterDestination { get; set; }

    public List<SourceLine> Lines { get; } = [];

    public int DroppedLines { get; private set; }

    public List<ParseIssue> Issues { get; } = [];

    public int DroppedIssues { get; private set; }

    public bool Enabled => AdminEnabled ?? EnabledByDefault;

    public void AddLine(SourceLine line)
    {
        if (Lines.Count < MaxLines)
        {
            Lines.Add(line);
        }
        else
        {
            DroppedLines++;
        }
    }

    public void AddIssue(ParseIssue issue)
    {
        if (Issues.Count < MaxIssues)
        {
            Issues.Add(issue);
        }
        else
        {
            DroppedIssues++;
        }
    }

    /// <summary>Adds sources up to the bound; false when some had to be dropped.</summary>
    public bool AddSources(IEnumerable<DraftSource> sources)
    {
        foreach (var source in sources)
        {
            if (Sources.Count >= MaxSources)
            {
                return false;
            }

            if (sourceSet.Add(source))
            {
                Sources.Add(source);
            }
        }

        return true;
    }

    public void AddDestinations(IEnumerable<string> interfaces)
    {
        foreach (var name in interfaces)
        {
            if (DestinationInterfaces.Count < MaxSources && destinationSet.Add(name))
            {
                DestinationInterfaces.Add(name);
            }
        }
    }

    /// <summary>Adds an access group (family ip, ipv6, mac, acl or sgt); a session has a handful at most.</summary>
    public void AddAccessGroup(string family, string name)
    {
        var group = new AccessGroup(family, Printable.Bound(name, 64));
        if (AccessGroups.Count < 8 && !AccessGroups.Contains(group))
        {
            AccessGroups.Add(group);
        }
    }

    /// <summary>The kind the file named, or the one its destination implies.</summary>
    public SessionKind ResolvedKind => Kind != SessionKind.Unknown ? Kind : this switch
    {
        { ErspanAddress: not null } => SessionKind.ErspanSource,
        { DestinationVlan: not null } => SessionKind.RspanSource,
        _ when Sources.Any(s => s.Remote) => SessionKind.RspanDestination,
        _ => SessionKind.Local,
    };
}
