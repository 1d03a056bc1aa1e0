using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Simulation;

public sealed partial class WorldSimulation
{
    private const string CloudLoggingDelivery = "Cloud Audit Logs, Admin Activity (Cloud Logging entries:list of the project)";

    /// <summary>
    /// packetMirrorings.insert in <paramref name="project"/>/<paramref name="region"/>: the policy, and its Admin
    /// Activity entry with the principal, the caller's IP, the request body and the insert operation.
    /// </summary>
    public PlayedCall InsertPacketMirroring(string project, string region, SimulatedCaller caller, GcpPacketMirroring mirroring)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(mirroring);
        const string operation = "v1.compute.packetMirrorings.insert";
        var time = Now();
        var resourceName = $"projects/{project}/regions/{region}/packetMirrorings/{mirroring.Name}";
        var eventId = "";
        _state.Change(world =>
        {
            var index = world.Audit.CloudLogging.FirstOrDefault(l => l.Project == project)?.Events.Count ?? 0;
            var call = PacketMirroringCallRecords.Insert(new AuditRecord
            {
                Time = time,
                Name = operation,
                Actor = caller.Actor,
                SourceIp = caller.SourceIp,
                ResourceId = resourceName,
            }, project, region, index, caller.UserAgent, mirroring);
            // Cloud Logging names an entry by its insertId.
            eventId = System.Text.Json.Nodes.JsonNode.Parse(call.Raw!)!["insertId"]!.GetValue<string>();
            return world with
            {
                Gcp = world.Gcp with
                {
                    Projects = Replace(world.Gcp.Projects, p => p.Id == project, p => p with
                    {
                        Regions = Replace(p.Regions, r => r.Name == region, r => r with { PacketMirrorings = Append(r.PacketMirrorings, mirroring) },
                            $"project {project} has no region {region}"),
                    }, $"no project {project}"),
                },
                Audit = WithEvent(world.Audit, world.Audit.CloudLogging,
                    l => l.Project == project,
                    l => l with { Events = Append(l.Events, call) },
                    () => new ProjectAuditLog { Project = project },
                    (audit, logs) => audit with { CloudLogging = logs }),
            };
        });
        return new PlayedCall(operation, resourceName, time, eventId, CloudLoggingDelivery, time);
    }
}
