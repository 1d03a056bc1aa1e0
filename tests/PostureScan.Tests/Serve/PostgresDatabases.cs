using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>One throwaway PostgreSQL server for the cluster tests of this assembly; each test gets its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresDatabases : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
