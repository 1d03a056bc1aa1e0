using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Ec2;

/// <summary>
/// How one Describe action selects items: by id list (Name.N), by filters (Filter.N.Name and
/// Filter.N.Value.M, values ORed, filters ANDed, tag:KEY and tag-key for tagged items), then by
/// page (MaxResults 5..1000, nextToken). Filters are a table from name to the item's values.
/// </summary>
internal sealed record Ec2Listing<T>(
    string IdParameter,
    Func<T, string> Id,
    string NotFoundCode,
    string NotFoundNoun,
    IReadOnlyDictionary<string, Func<T, string, IEnumerable<string?>>> Filters,
    Func<T, IReadOnlyDictionary<string, string>>? Tags = null,
    bool Paged = true)
{
    private const int MinPage = 5;
    private const int MaxPage = 1000;

    public Ec2Selection<T> Select(QueryCall call, IReadOnlyList<T> items)
    {
        var p = call.Parameters;
        if (!p.TryGetInt("MaxResults", out var maxResults))
        {
            return Ec2Selection<T>.Failed(Ec2Errors.InvalidParameter("Invalid value for parameter MaxResults."));
        }

        if (Paged && maxResults is { } max && max is < MinPage or > MaxPage)
        {
            return Ec2Selection<T>.Failed(Ec2Errors.MaxResultsOutOfRange(max));
        }

        IEnumerable<T> selected = items;
        var ids = p.List(IdParameter);
        if (ids.Count > 0)
        {
            var byId = items.ToDictionary(Id, StringComparer.Ordinal);
            if (ids.FirstOrDefault(id => !byId.ContainsKey(id)) is { } missing)
            {
                return Ec2Selection<T>.Failed(Ec2Errors.NotFound(NotFoundCode, NotFoundNoun, missing));
            }

            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            selected = selected.Where(item => wanted.Contains(Id(item)));
        }

        foreach (var filter in p.Filters())
        {
            if (ValuesOf(filter.Name) is not { } values)
            {
                return Ec2Selection<T>.Failed(Ec2Errors.InvalidFilter(filter.Name));
            }

            var account = call.Account.Id;
            selected = selected.Where(item => values(item, account).Any(v => v is not null && filter.Values.Any(pattern => Wildcard.Matches(pattern, v))));
        }

        var all = selected.ToList();
        return Paged ? Page(call, all, maxResults) : new Ec2Selection<T>(all, null, null);
    }

    private static Ec2Selection<T> Page(QueryCall call, List<T> all, int? maxResults)
    {
        var offset = 0;
        if (call.Parameters["NextToken"] is { Length: > 0 } token)
        {
            if (PageToken.Decode(call.Action, token) is not { } decoded || decoded > all.Count)
            {
                return Ec2Selection<T>.Failed(Ec2Errors.InvalidToken());
            }

            offset = decoded;
        }

        var size = maxResults ?? all.Count;
        var page = all.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < all.Count ? PageToken.Encode(call.Action, offset + page.Count) : null;
        return new Ec2Selection<T>(page, next, null);
    }

    private Func<T, string, IEnumerable<string?>>? ValuesOf(string name)
    {
        if (Filters.TryGetValue(name, out var values))
        {
            return values;
        }

        if (Tags is null)
        {
            return null;
        }

        if (name.StartsWith("tag:", StringComparison.Ordinal))
        {
            var key = name["tag:".Length..];
            return (item, _) => Tags(item).TryGetValue(key, out var value) ? [value] : [];
        }

        return name switch
        {
            "tag-key" => (item, _) => Tags(item).Keys,
            "tag-value" => (item, _) => Tags(item).Values,
            _ => null,
        };
    }
}
