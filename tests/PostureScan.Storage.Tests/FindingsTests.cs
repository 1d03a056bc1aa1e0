using PostureScan.Core.Findings;
using PostureScan.Core.Policy;
using PostureScan.Storage.Migrations;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

public abstract class FindingsTests(PostgresServer? postgres) : StoreTestBase(postgres)
{
    [Fact]
    public async Task A_run_saved_with_its_evaluation_reloads_every_finding_field_by_field()
    {
        var run = Some.Run();
        var evaluation = Some.Evaluation(
            run,
            Some.Finding(status: FindingStatus.Open, severity: Severity.Critical),
            Some.Finding(Hostile.Strings[1], status: FindingStatus.Suppressed, exemption: new Exemption(null, Hostile.Strings[1], null, Hostile.Strings[4], Hostile.Strings[7], new DateOnly(2027, 1, 31))),
            Some.Finding(status: FindingStatus.Error, note: "not evaluated in this run: scope aws/111122223333/ap-south-2 failed"),
            Some.Finding(Hostile.Large(), status: FindingStatus.Resolved, severity: Severity.Info));
        await using (var store = await OpenAsync())
        {
            await store.SaveRunAsync(run, evaluation, None);
        }

        await using var reopened = await OpenAsync();
        Deep.Equal(evaluation, await reopened.GetEvaluationAsync(run.Id, None));
        Deep.Equal(run, await reopened.GetRunAsync(run.Id, None));
    }

    [Fact]
    public async Task A_run_saved_without_an_evaluation_has_none_and_an_empty_evaluation_is_kept_as_such()
    {
        var plain = Some.Run();
        var clean = Some.Run(startedAt: Some.Time.AddHours(1));
        await using var store = await OpenAsync();

        await store.SaveRunAsync(plain, None);
        await store.SaveRunAsync(clean, Some.Evaluation(clean), None);

        Assert.Null(await store.GetEvaluationAsync(plain.Id, None));
        Assert.Empty((await store.GetEvaluationAsync(clean.Id, None))!.Findings);
        Assert.Null(await store.GetEvaluationAsync("no-such-run", None));
    }

    [Fact]
    public async Task The_latest_evaluation_skips_later_runs_that_were_not_evaluated()
    {
        var evaluated = Some.Run();
        var later = Some.Run(startedAt: Some.Time.AddDays(1));
        await using var store = await OpenAsync();
        Assert.Null(await store.GetLatestEvaluationAsync(None));

        await store.SaveRunAsync(evaluated, Some.Evaluation(evaluated, Some.Finding()), None);
        await store.SaveRunAsync(later, None);

        Assert.Equal(evaluated.Id, (await store.GetLatestEvaluationAsync(None))!.RunId);
    }

    [Fact]
    public async Task A_findings_insert_that_fails_leaves_no_trace_of_the_run()
    {
        var run = Some.Run();
        var finding = Some.Finding();
        await using var store = await OpenAsync();

        // The same finding twice breaks the one-verdict-per-run index, after the run rows went in.
        AssertUniqueViolation(await Assert.ThrowsAnyAsync<Exception>(() => store.SaveRunAsync(run, Some.Evaluation(run, finding, finding), None)));

        Assert.Null(await store.GetRunAsync(run.Id, None));
        Assert.Equal(0, await CountAsync(store, "scan_runs"));
        Assert.Equal(0, await CountAsync(store, "policy_evaluations"));
        Assert.Equal(0, await CountAsync(store, "findings"));
    }

    [Fact]
    public async Task An_evaluation_of_another_run_is_refused()
    {
        await using var store = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveRunAsync(Some.Run(), Some.Evaluation(Some.Run()), None));
    }

    [Fact]
    public async Task A_database_from_before_findings_is_upgraded_and_keeps_its_runs()
    {
        var old = Some.Run();
        await using (var connection = await OpenPlainConnectionAsync())
        {
            var first = EmbeddedMigrations.Load(Dialect).Where(m => m.Version == 1).ToList();
            await MigrationRunner.ApplyAsync(connection, first, Time, None);
            await using var transaction = await connection.BeginTransactionAsync();
            await RunWriter.InsertAsync(connection, transaction, old, None);
            await transaction.CommitAsync();
        }

        // Opening applies the later migrations only; the run written under 0001 reads back through the new code.
        await using var reopened = await OpenAsync();
        Deep.Equal(old, await reopened.GetRunAsync(old.Id, None));
        Assert.Null(await reopened.GetEvaluationAsync(old.Id, None));
        Assert.Equal(EmbeddedMigrations.Load(Dialect).Count, await CountAsync(reopened, "schema_migrations"));
    }
}
