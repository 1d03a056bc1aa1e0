namespace PostureScan.Core.Inventory;

/// <summary>Which packets a mirror or a rule applies to, seen from the mirrored source.</summary>
public enum TrafficDirection
{
    Ingress,
    Egress,
    Both,
}
