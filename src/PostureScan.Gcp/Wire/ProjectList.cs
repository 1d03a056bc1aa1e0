namespace PostureScan.Gcp.Wire;

/// <summary>Cloud Resource Manager v1 ListProjectsResponse.</summary>
internal sealed record ProjectList(List<ProjectInfo>? Projects, string? NextPageToken);
