using Npgsql;

namespace PostureScan.Storage.Tests;

/// <summary>The defaults the store and serve's job store add to an operator's PostgreSQL connection string.</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Statement_preparation_and_no_reset_are_added_when_not_given()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Tuned("Host=db.internal;Port=5433;Database=scans;Username=scanner"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db.internal", tuned.Host);
        Assert.Equal(5433, tuned.Port);
        Assert.Equal("scans", tuned.Database);
        Assert.Equal("scanner", tuned.Username);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NORESETONCLOSE=false")]
    public void An_operators_own_values_are_kept_however_spelled(string given)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Tuned(given));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void A_password_survives_the_rewrite()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Tuned("Host=db;Password='p;a=ss'"));

        Assert.Equal("p;a=ss", tuned.Password);
    }
}
