using System.Globalization;

namespace IdcRepro.Torch;

/// <summary>Which files the running process has mapped, read from <c>/proc/self/maps</c> (Linux only).</summary>
internal static class ProcessMaps
{
    private const string MapsPath = "/proc/self/maps";

    /// <summary>The file whose mapping holds <paramref name="address"/>, or null when none does.</summary>
    public static string? FileContaining(nint address)
    {
        var target = (ulong)address;
        foreach (var (start, end, path) in Mappings())
            if (start <= target && target < end) return path;
        return null;
    }

    /// <summary>The first mapped file whose name is <paramref name="fileName"/>, or null when none is mapped.</summary>
    public static string? FirstFileNamed(string fileName) =>
        Mappings().Select(m => m.Path).FirstOrDefault(p => Path.GetFileName(p) == fileName);

    // A line: "7f3a1c000000-7f3a1c021000 r-xp 00000000 08:01 1234   /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30"
    private static IEnumerable<(ulong Start, ulong End, string Path)> Mappings()
    {
        if (!File.Exists(MapsPath)) yield break;
        foreach (var line in File.ReadLines(MapsPath))
        {
            var pathStart = line.IndexOf('/');
            var dash = line.IndexOf('-');
            var space = line.IndexOf(' ');
            if (pathStart < 0 || dash < 0 || space < dash) continue;
            if (!ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture,
                out var start)) continue;
            if (!ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber,
                CultureInfo.InvariantCulture, out var end)) continue;
            var path = line[pathStart..];
            if (path.EndsWith(" (deleted)", StringComparison.Ordinal)) continue;
            yield return (start, end, path);
        }
    }
}
