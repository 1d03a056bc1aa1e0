using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Gcp;

/// <summary>Constant-time lookups of projects, regions and the resources a GET names.</summary>
internal sealed class GcpIndex
{
    private readonly Dictionary<string, GcpProject> _projects;
    private readonly Dictionary<(string, string), GcpRegion> _regions = [];
    private readonly Dictionary<(string, string, string), GcpSubnetwork> _subnetworks = [];
    private readonly Dictionary<(string, string, string), GcpForwardingRule> _forwardingRules = [];
    private readonly Dictionary<(string, string, string), (GcpRegion Region, GcpInstance Instance)> _instances = [];

    public GcpIndex(GcpWorld world)
    {
        Projects = world.Projects;
        _projects = world.Projects.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var project in world.Projects)
        {
            foreach (var region in project.Regions)
            {
                _regions[(project.Id, region.Name)] = region;
                foreach (var subnet in region.Subnetworks)
                {
                    _subnetworks[(project.Id, region.Name, subnet.Name)] = subnet;
                }

                foreach (var rule in region.ForwardingRules)
                {
                    _forwardingRules[(project.Id, region.Name, rule.Name)] = rule;
                }

                foreach (var instance in region.Instances)
                {
                    _instances[(project.Id, instance.Zone, instance.Name)] = (region, instance);
                }
            }
        }
    }

    public IReadOnlyList<GcpProject> Projects { get; }

    public GcpProject? Project(string id) => _projects.GetValueOrDefault(id);

    public GcpRegion? Region(string project, string region) => _regions.GetValueOrDefault((project, region));

    public GcpSubnetwork? Subnetwork(string project, string region, string name) => _subnetworks.GetValueOrDefault((project, region, name));

    public GcpForwardingRule? ForwardingRule(string project, string region, string name) => _forwardingRules.GetValueOrDefault((project, region, name));

    public (GcpRegion Region, GcpInstance Instance)? Instance(string project, string zone, string name) =>
        _instances.TryGetValue((project, zone, name), out var found) ? found : null;
}
