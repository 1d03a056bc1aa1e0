using PostureScan.Storage.Tests.Support;

namespace PostureScan.Storage.Tests;

// The shared suites on a SQLite file. One line each, so they sit together rather than one per file.

public sealed class SqliteAtomicSaveTests() : AtomicSaveTests(null);

public sealed class SqliteAuditIngestionTests() : AuditIngestionTests(null);

public sealed class SqliteFindingsTests() : FindingsTests(null);

public sealed class SqliteLatestAndListTests() : LatestAndListTests(null);

public sealed class SqliteRoundTripTests() : RoundTripTests(null);

public sealed class SqliteVolumeTests() : VolumeTests(null);

public sealed class SqliteStagingTests() : StagingTests(null);

public sealed class SqliteOutboxTests() : OutboxTests(null);

public sealed class SqliteMultiRowInsertTests() : MultiRowInsertTests(null);

public sealed class SqliteOwnershipTests() : OwnershipTests(null);
