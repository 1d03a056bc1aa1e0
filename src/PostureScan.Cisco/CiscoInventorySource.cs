using PostureScan.Cisco.Inventory;
using PostureScan.Cisco.Mapping;
using PostureScan.Cisco.Parsing;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Cisco;

/// <summary>
/// Cisco SPAN, RSPAN and ERSPAN sessions from a directory of device files (running-config or show
/// monitor output, one file per device). Each device is one scope, <c>cisco/DEVICE/global</c>; a file
/// that cannot be read or parsed is a failed scope naming the file and line, and the others complete.
/// Files are read once, at discovery; each counts as one call. For coverage rules it lists each device's
/// ports from its running-config; a device known only by show output cannot list them, and says so.
/// </summary>
public sealed class CiscoInventorySource : IInventorySource, ICandidateLister
{
    private readonly CiscoInventoryOptions options;
    private readonly TimeProvider time;
    private readonly IReadOnlyDictionary<string, string> deviceNames;
    private Dictionary<string, (DeviceFile File, Scope Scope)>? catalog;

    public CiscoInventorySource(CiscoInventoryOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, name) in options.DeviceNames ?? new Dictionary<string, string>())
        {
            if (!DeviceNameReader.IsValid(name))
            {
                throw new ArgumentException($"Device name '{name}' (for '{key}') must be letters, digits, '.', '-' or '_', at most 63.", nameof(options));
            }

            names[key] = name;
        }

        this.options = options;
        this.time = time ?? TimeProvider.System;
        deviceNames = names;
    }

    public string Provider => Providers.Cisco;

    public async Task<ScopeDiscovery> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.Directory))
        {
            var scope = new Scope(Providers.Cisco, "*", Scope.Global);
            return new ScopeDiscovery([], [ScopeResult.Failed(scope, ScopeErrorKind.Unreachable, $"device directory '{options.Directory}' not found", 0, TimeSpan.Zero)]);
        }

        var reader = new DeviceFileReader(options.MaxFileBytes, time);
        var files = new List<DeviceFile>();
        foreach (var path in Directory.EnumerateFiles(options.Directory).Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            files.Add(await reader.ReadAsync(path, cancellationToken));
        }

        var named = DeviceNaming.Assign(files, deviceNames);
        var entries = new Dictionary<string, (DeviceFile, Scope)>(StringComparer.OrdinalIgnoreCase);
        var scopes = new List<Scope>();
        var failures = new List<ScopeResult>();
        foreach (var (file, name) in named)
        {
            var scope = new Scope(Providers.Cisco, name, Scope.Global);
            entries[name] = (file, scope);
            if (file.Parsed is null)
            {
                failures.Add(ScopeResult.Failed(scope, file.ErrorKind ?? ScopeErrorKind.Other, file.Error ?? file.FileName, 1, file.ReadTime));
            }
            else
            {
                scopes.Add(scope);
            }
        }

        Volatile.Write(ref catalog, entries);
        return new ScopeDiscovery(scopes, failures);
    }

    public async Task<ScopeInventory> CollectAsync(Scope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var entries = Volatile.Read(ref catalog);
        if (entries is null)
        {
            await DiscoverAsync(cancellationToken);
            entries = Volatile.Read(ref catalog);
        }

        if (entries is null || !entries.TryGetValue(scope.Account, out var entry) || entry.File.Parsed is not { } parsed)
        {
            var error = entries is not null && entries.TryGetValue(scope.Account, out var failed) ? failed.File.Error : null;
            return ScopeInventory.Failed(ScopeResult.Failed(
                scope, ScopeErrorKind.InvalidResponse, error ?? $"no device file for '{scope.Account}'", 0, TimeSpan.Zero));
        }

        var sessions = parsed.Sessions.Select(s => MirrorSessionFactory.Create(s, entry.Scope.Account, parsed.Format)).ToList();
        return new ScopeInventory(ScopeResult.Ok(entry.Scope, 1, entry.File.ReadTime), sessions);
    }

    public async Task<CandidateListing> ListCandidatesAsync(IReadOnlyList<CandidateQuery> queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (queries.Count == 0)
        {
            return CandidateListing.Empty;
        }

        var entries = Volatile.Read(ref catalog);
        if (entries is null)
        {
            await DiscoverAsync(cancellationToken);
            entries = Volatile.Read(ref catalog);
        }

        var found = new List<Core.Findings.CandidateSource>();
        var scopes = new List<ScopeResult>();
        foreach (var query in queries)
        {
            if (entries is null || !entries.TryGetValue(query.Scope.Account, out var entry) || entry.File.Parsed is not { } parsed)
            {
                scopes.Add(ScopeResult.Failed(query.Scope, ScopeErrorKind.InvalidResponse, $"no readable device file for '{query.Scope.Account}'", 0, TimeSpan.Zero));
            }
            else if (parsed.Ports is not { } ports)
            {
                scopes.Add(ScopeResult.Failed(query.Scope, ScopeErrorKind.Other,
                    $"{entry.File.FileName} is show monitor output, which lists no interfaces: candidates cannot be listed from it (give the device's running-config)",
                    0, TimeSpan.Zero));
            }
            else
            {
                found.AddRange(PortCandidates.Of(query.Scope, ports));
                scopes.Add(ScopeResult.Ok(query.Scope, 0, TimeSpan.Zero));
            }
        }

        return new CandidateListing(found, scopes);
    }
}
