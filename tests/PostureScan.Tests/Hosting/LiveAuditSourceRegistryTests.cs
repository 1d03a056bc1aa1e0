using Microsoft.Extensions.Configuration;
using PostureScan.Cli;
using PostureScan.Core.Inventory;
using PostureScan.Hosting;

namespace PostureScan.Tests.Hosting;

/// <summary>The live audit sources are built by type from Audit:Sources, with their provider's section.</summary>
public sealed class LiveAuditSourceRegistryTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Each_live_type_builds_its_source_for_its_provider()
    {
        var configuration = Configuration(
            ("Aws:HomeRegion", "eu-west-1"),
            ("Audit:Sources:0:Name", "trail"), ("Audit:Sources:0:Type", "aws-lookup"), ("Audit:Sources:0:LookupBy", "EventName"),
            ("Audit:Sources:1:Name", "archive"), ("Audit:Sources:1:Type", "aws-s3"), ("Audit:Sources:1:Bucket", "trail-logs"),
            ("Audit:Sources:2:Name", "activity"), ("Audit:Sources:2:Type", "azure-activity"),
            ("Audit:Sources:3:Name", "logging"), ("Audit:Sources:3:Type", "gcp-logging"), ("Audit:Sources:3:PageSize", "200"));

        var sources = AuditSourceRegistry.Create(configuration, TimeProvider.System);

        Assert.Equal(["trail", "archive", "activity", "logging"], sources.Select(s => s.Name));
        Assert.Equal([Providers.Aws, Providers.Aws, Providers.Azure, Providers.Gcp], sources.Select(s => s.Provider));
        Assert.Contains("aws-lookup", AuditSourceRegistry.Known);
    }

    [Fact]
    public void A_setting_of_another_type_is_a_configuration_error_that_names_the_section()
    {
        var configuration = Configuration(("Audit:Sources:0:Name", "trail"), ("Audit:Sources:0:Type", "aws-lookup"), ("Audit:Sources:0:Bucket", "x"));

        var error = Assert.Throws<UsageException>(() => AuditSourceRegistry.Create(configuration, TimeProvider.System));

        Assert.Contains("Audit:Sources:0", error.Message, StringComparison.Ordinal);
    }
}
