using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

// The shared suites on a real PostgreSQL server (one per assembly, a database per test).

[Collection(PostgresDatabases.Name)]
public sealed class PostgresAtomicSaveTests(PostgresServer server) : AtomicSaveTests(server);

[Collection(PostgresDatabases.Name)]
public sealed class PostgresAuditIngestionTests(PostgresServer server) : AuditIngestionTests(server);

[Collection(PostgresDatabases.Name)]
public sealed class PostgresFindingsTests(PostgresServer server) : FindingsTests(server);

[Collection(PostgresDatabases.Name)]
public sealed class PostgresLatestAndListTests(PostgresServer server) : LatestAndListTests(server);

[Collection(PostgresDatabases.Name)]
public sealed class PostgresRoundTripTests(PostgresServer server) : RoundTripTests(server);

[Collection(PostgresDatabases.Name)]
public sealed class PostgresVolumeTests(PostgresServer server) : VolumeTests(server);

[Collection(PostgresDatabases.Name)]
public sealed class PostgresStagingTests(PostgresServer server) : StagingTests(server);

[Collection(PostgresDatabases.Name)]
public sealed class PostgresOutboxTests(PostgresServer server) : OutboxTests(server);

[Collection(PostgresDatabases.Name)]
public sealed class PostgresMultiRowInsertTests(PostgresServer server) : MultiRowInsertTests(server);

[Collection(PostgresDatabases.Name)]
public sealed class PostgresOwnershipTests(PostgresServer server) : OwnershipTests(server);
