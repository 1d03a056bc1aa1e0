namespace PostureScan.Emulator.Worlds;

/// <summary>
/// Everything the emulator serves: one section per cloud provider, each in its own file.
/// Read it from YAML with <see cref="Load"/> or <see cref="Parse"/>, or build it in code
/// (tests, <see cref="WorldGenerator"/>).
/// </summary>
public sealed partial record World
{
    /// <summary>
    /// Reads and validates a world file; errors name the file, line and column. Relative times
    /// (<see cref="RelativeTimes"/>) are written against <paramref name="time"/>, the system clock by default.
    /// </summary>
    /// <exception cref="WorldFormatException">The file is not valid YAML or not a valid world.</exception>
    public static World Load(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorldFormatException(path, 0, 0, $"cannot read the world file: {e.Message}", e);
        }

        return Parse(text, path, time);
    }

    /// <summary>
    /// Parses and validates world YAML; <paramref name="sourceName"/> names it in errors. Relative times
    /// (<see cref="RelativeTimes"/>) are written against <paramref name="time"/>, the system clock by default; on a
    /// line that has one, a column after it counts the time as written out.
    /// </summary>
    /// <exception cref="WorldFormatException">The text is not valid YAML or not a valid world.</exception>
    public static World Parse(string yaml, string sourceName, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return WorldReader.Read(RelativeTimes.Render(yaml, (time ?? TimeProvider.System).GetUtcNow()), sourceName);
    }
}
