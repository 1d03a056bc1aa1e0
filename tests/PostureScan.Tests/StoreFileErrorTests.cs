using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests;

/// <summary>A store file that is not a database, or a damaged one, is the operator's to fix: one line naming it and why, exit 2.</summary>
public sealed class StoreFileErrorTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("show tms-0")]
    [InlineData("outbox list")]
    public async Task A_store_command_on_a_file_that_is_not_a_database_names_it_and_exits_2(string command)
    {
        using var dir = new TemporaryDirectory();
        var file = dir.File("notes.txt");
        await File.WriteAllTextAsync(file, "these are notes, not a PostureScan store\n" + new string('x', 8192));

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, [.. command.Split(' '), "--db", file]);

        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.Equal($"error: {file}: cannot open the store: SQLite Error 26: 'file is not a database'.", stderr.Trim());
    }

    [Fact]
    public async Task The_error_line_shows_no_terminal_escape_that_a_file_name_carries()
    {
        using var dir = new TemporaryDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(dir.Path, "x\u001b]0;owned\u0007\u202Eyz")).FullName;
        var file = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(file, "not a store\n" + new string('x', 8192));

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", file);

        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.DoesNotContain(stderr, c => c is '\u001b' or '\u0007' or '\u202E');
        Assert.Contains("x?]0;owned??yz", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_on_a_store_whose_schema_page_is_damaged_names_it_and_exits_2()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.File("damaged.db");
        await using (var store = await SqliteRunStore.OpenAsync(file, TimeProvider.System, CancellationToken.None))
        {
            await store.SaveRunAsync(Some.Run(), CancellationToken.None);
        }

        // The file header stays (the file is still SQLite's); the schema table's page after it is garbage.
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 100;
            await stream.WriteAsync(Enumerable.Repeat((byte)0xA5, 3996).ToArray());
        }

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", file);

        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.Equal($"error: {file}: cannot open the store: SQLite Error 11: 'database disk image is malformed'.", stderr.Trim());
    }
}
