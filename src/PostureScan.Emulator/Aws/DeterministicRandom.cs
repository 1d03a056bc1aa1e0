namespace PostureScan.Emulator.Aws;

/// <summary>
/// SplitMix64: a stable pseudo-random function of its inputs (System.Random's sequence is not
/// promised to stay the same across runtime versions, and repeatable tests need that).
/// </summary>
internal static class DeterministicRandom
{
    public static ulong Mix(ulong value)
    {
        var z = value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, 1) from a seed, a text key and a counter.</summary>
    public static double Unit(int seed, string key, long counter)
    {
        var h = Mix((ulong)seed);
        foreach (var c in key)
        {
            h = Mix(h ^ c);
        }

        h = Mix(h ^ (ulong)counter);
        return (h >> 11) * (1.0 / (1UL << 53));
    }
}
