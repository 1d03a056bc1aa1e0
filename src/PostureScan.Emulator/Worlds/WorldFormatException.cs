namespace PostureScan.Emulator.Worlds;

/// <summary>A world file that cannot be read, parsed or validated; names the file, line and column.</summary>
public sealed class WorldFormatException : Exception
{
    public WorldFormatException()
        : this("world", 0, 0, "invalid world")
    {
    }

    public WorldFormatException(string message)
        : this("world", 0, 0, message)
    {
    }

    public WorldFormatException(string message, Exception innerException)
        : this("world", 0, 0, message, innerException)
    {
    }

    public WorldFormatException(string source, long line, long column, string detail, Exception? innerException = null)
        : base(Format(source, line, column, detail), innerException)
    {
        SourceName = source;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>The file name, or the name given to <see cref="World.Parse"/>.</summary>
    public string SourceName { get; }

    /// <summary>1-based line, or 0 when the error has no position.</summary>
    public long Line { get; }

    /// <summary>1-based column, or 0 when the error has no position.</summary>
    public long Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Detail { get; }

    private static string Format(string source, long line, long column, string detail) =>
        line > 0 ? $"{source}({line},{column}): {detail}" : $"{source}: {detail}";
}
