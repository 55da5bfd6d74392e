namespace IdcRepro.Config;

/// <summary>Where a config value came from: a file and line, or the command line.</summary>
public sealed record ConfigOrigin(string Source, long Line, long Column, string BaseDirectory)
{
    public static ConfigOrigin CommandLine(string assignment) =>
        new($"--set {assignment}", 0, 0, Directory.GetCurrentDirectory());

    public override string ToString() => Line > 0 ? $"{DisplayPath(Source)}:{Line}:{Column}"
        : $"command line ({Source})";

    /// <summary>A path shown relative to the working directory where that is shorter.</summary>
    public static string DisplayPath(string path)
    {
        if (!Path.IsPathRooted(path)) return path;
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.Length < path.Length ? relative : path;
    }
}
