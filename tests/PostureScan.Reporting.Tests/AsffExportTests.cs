using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PostureScan.Core.Inventory;
using PostureScan.Reporting.Tests.Support;

namespace PostureScan.Reporting.Tests;

/// <summary>
/// The ASFF export against what Security Hub's BatchImportFindings requires of each finding (SchemaVersion
/// 2018-10-08, Id, ProductArn, GeneratorId, AwsAccountId, Types, CreatedAt, UpdatedAt, Severity.Label, Title,
/// Description, Resources with Type and Id), and the documented bounds and value sets.
/// </summary>
public sealed partial class AsffExportTests
{
    private static readonly string[] Labels = ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"];

    [Fact]
    public async Task Every_finding_has_the_required_fields_in_their_formats()
    {
        await using var store = await FixedStore.CreateAsync();
        var data = await store.Loader().LoadAsync("latest", CancellationToken.None);
        using var document = JsonDocument.Parse(await Render.ToStringAsync(Render.Export("asff"), data));
        var findings = document.RootElement.GetProperty("Findings").EnumerateArray().ToList();

        // AWS findings only: a Cisco switch has no AWS account to file a finding under.
        Assert.Equal(data.Evaluation!.Findings.Count(f => f.Scope.Provider == Providers.Aws), findings.Count);
        Assert.NotEmpty(findings);
        Assert.Equal(findings.Count, findings.Select(f => f.GetProperty("Id").GetString()).Distinct().Count());
        foreach (var f in findings)
        {
            Assert.Equal("2018-10-08", f.GetProperty("SchemaVersion").GetString());
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("Id").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("GeneratorId").GetString()));
            var account = f.GetProperty("AwsAccountId").GetString()!;
            Assert.Matches(AccountId(), account);
            Assert.Matches(ProductArn(), f.GetProperty("ProductArn").GetString()!);
            Assert.EndsWith($":{account}:product/{account}/default", f.GetProperty("ProductArn").GetString(), StringComparison.Ordinal);
            var types = f.GetProperty("Types").EnumerateArray().Select(t => t.GetString()!).ToList();
            Assert.NotEmpty(types);
            Assert.All(types, t => Assert.Matches(TypeName(), t));
            Assert.True(DateTimeOffset.TryParse(f.GetProperty("CreatedAt").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
            Assert.True(DateTimeOffset.TryParse(f.GetProperty("UpdatedAt").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
            Assert.EndsWith("Z", f.GetProperty("UpdatedAt").GetString(), StringComparison.Ordinal);
            Assert.Contains(f.GetProperty("Severity").GetProperty("Label").GetString(), Labels);
            Assert.InRange(f.GetProperty("Title").GetString()!.Length, 1, 256);
            Assert.InRange(f.GetProperty("Description").GetString()!.Length, 1, 1024);
            var resources = f.GetProperty("Resources").EnumerateArray().ToList();
            Assert.NotEmpty(resources);
            Assert.All(resources, r =>
            {
                Assert.False(string.IsNullOrEmpty(r.GetProperty("Type").GetString()));
                Assert.False(string.IsNullOrEmpty(r.GetProperty("Id").GetString()));
            });
        }

        var resolved = Assert.Single(findings, f => f.GetProperty("Workflow").GetProperty("Status").GetString() == "RESOLVED");
        Assert.Equal("ARCHIVED", resolved.GetProperty("RecordState").GetString());
        Assert.Contains(findings, f => f.GetProperty("Resources")[0].GetProperty("Id").GetString() == "arn:aws:ec2:us-east-1:111122223333:traffic-mirror-session/tms-06");
    }

    [Fact]
    public async Task A_cut_field_stays_within_its_documented_maximum()
    {
        // Security Hub refuses a finding whose field is over its bound, so the truncation marker must fit inside it.
        var scope = new Scope(Providers.Aws, "1111222233334444", "us-east-1" + new string('x', 600));
        var session = Estate.HostileSession() with { Id = "tms-" + new string('0', 1000), Scope = scope };
        var run = new Core.Scanning.ScanRun("run-long", Estate.Night3, Estate.Night3.AddMinutes(1), [Providers.Aws],
            [Core.Scanning.ScopeResult.Ok(scope, 1, TimeSpan.Zero)], [session]);
        var finding = new Core.Findings.Finding(Core.Findings.FindingId.For("unapproved-destination", session.Id), "unapproved-destination",
            "Mirror sends packets to an unapproved destination", Core.Findings.Severity.High, Core.Findings.FindingStatus.New, session.Id, scope,
            "message", Estate.Night3, Estate.Night3);
        var data = new ReportData(run, new Core.Findings.PolicyEvaluation(run.Id, "policy", Estate.Night3, [finding], []), null, [], null,
            Core.Checks.CheckRegistry.CreateDefault().Metadata, Estate.Night3);

        using var document = JsonDocument.Parse(await Render.ToStringAsync(Render.Export("asff"), data));

        var f = Assert.Single(document.RootElement.GetProperty("Findings").EnumerateArray());
        var resource = f.GetProperty("Resources")[0];
        foreach (var (value, max) in new[]
        {
            (f.GetProperty("Id").GetString()!, 512), (f.GetProperty("ProductArn").GetString()!, 512),
            (f.GetProperty("GeneratorId").GetString()!, 512), (f.GetProperty("AwsAccountId").GetString()!, 12),
            (resource.GetProperty("Id").GetString()!, 512), (resource.GetProperty("Region").GetString()!, 16),
        })
        {
            Assert.InRange(value.Length, 1, max);
        }

        Assert.EndsWith(" characters in all]", f.GetProperty("Id").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(" characters in all]", resource.GetProperty("Id").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("arn:aws:ec2:us-east-1xxx", resource.GetProperty("Id").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex("^arn:aws:securityhub:[a-z0-9-]+:[0-9]{12}:product/[0-9]{12}/default$")]
    private static partial Regex ProductArn();

    [GeneratedRegex("^(Software and Configuration Checks|TTPs|Effects|Unusual Behaviors|Sensitive Data Identifications)/[^/]+(/[^/]+)?$")]
    private static partial Regex TypeName();
}
