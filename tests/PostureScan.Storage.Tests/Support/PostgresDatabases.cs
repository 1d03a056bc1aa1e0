using PostureScan.TestKit;

namespace PostureScan.Storage.Tests.Support;

/// <summary>One throwaway PostgreSQL server for every PostgreSQL suite of this assembly; each test gets its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresDatabases : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
