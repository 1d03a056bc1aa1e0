using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;

namespace PostureScan.Core.Audit.Matching;

/// <summary>
/// Decides from an event name alone whether a record is of interest: the name contains one of the
/// patterns, case-insensitively (Azure exports write operation names in upper case; GCP writes
/// <c>v1.compute.packetMirrorings.insert</c>). With no patterns, every name matches.
/// </summary>
public sealed class EventNameMatcher
{
    private const int StackChars = 256;

    private readonly SearchValues<string>? _patterns;

    public EventNameMatcher(IEnumerable<string> patterns)
    {
        Patterns = [.. patterns];
        _patterns = Patterns.Count == 0 ? null : SearchValues.Create([.. Patterns], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The T1020.001 detection: the operations that create, change, delete or list mirrors.</summary>
    public static EventNameMatcher Mirror { get; } = new(MirrorPatterns.All);

    /// <summary>Accepts every event (for ingestion of whole logs).</summary>
    public static EventNameMatcher Any { get; } = new([]);

    public IReadOnlyList<string> Patterns { get; }

    public bool MatchesEverything => _patterns is null;

    public bool Matches(ReadOnlySpan<char> name) => _patterns is null || name.ContainsAny(_patterns);

    public bool Matches(string? name) => name is not null && Matches(name.AsSpan());

    /// <summary>Matches an unescaped UTF-8 name without allocating for names of ordinary length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the slow first JIT tier
    public bool MatchesUtf8(ReadOnlySpan<byte> name)
    {
        if (_patterns is null)
        {
            return true;
        }

        if (name.Length <= StackChars)
        {
            Span<char> chars = stackalloc char[StackChars];
            var count = Encoding.UTF8.GetChars(name, chars);
            return chars[..count].ContainsAny(_patterns);
        }

        var rented = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(name.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(name, rented);
            return rented.AsSpan(0, count).ContainsAny(_patterns);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
