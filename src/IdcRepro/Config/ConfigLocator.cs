namespace IdcRepro.Config;

/// <summary>
/// The one place that turns a <c>--config</c> argument into a file (the <c>idc</c> commands use it, and the Cake
/// script passes names through to them). A path that exists from the working directory is taken as it is; any
/// other relative name is looked up in <c>configs/</c>, then <c>configs/ablations/</c>, with <c>.yaml</c> added when
/// it has no extension; a name found in both is an error naming both. Folders (for Compare) resolve the same way.
/// </summary>
public static class ConfigLocator
{
    /// <summary>
    /// Where bare names are looked up, relative to the working directory (the repository root), in order.
    /// </summary>
    public static IReadOnlyList<string> SearchFolders { get; } = ["configs", "configs/ablations"];

    public const string Extension = ".yaml";

    /// <summary>The config file <paramref name="given"/> names.</summary>
    public static ConfigLocation Locate(string given, string? workingDirectory = null)
    {
        var wd = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        if (string.IsNullOrWhiteSpace(given))
            throw new ConfigException("--config needs a file name, e.g. --config configs/demo.yaml or --config demo.");
        var direct = Path.GetFullPath(Path.Combine(wd, given));
        if (File.Exists(direct)) return new ConfigLocation(given, direct, Searched: false, wd);
        if (Directory.Exists(direct))
            throw new ConfigException(
                $"{given}: is a folder; this command takes one config file (a folder of variants is for Compare).");
        if (!Path.HasExtension(given) && File.Exists(direct + Extension))
            return new ConfigLocation(given, direct + Extension, Searched: true, wd);
        return Single(given, wd, SearchFolders.Select(f => FileIn(f, given, wd)).OfType<string>().ToList(), "file");
    }

    /// <summary>
    /// The config files of a Compare: each argument is a file (as in <see cref="Locate"/>) or a folder, which stands
    /// for every <c>*.yaml</c> directly in it, in ordinal order.
    /// </summary>
    public static IReadOnlyList<ConfigLocation> LocateVariants(IEnumerable<string> given, string? workingDirectory =
        null)
    {
        var wd = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        var found = new List<ConfigLocation>();
        foreach (var name in given)
        {
            if (FindFolder(name, wd) is not { } folder)
            {
                found.Add(Locate(name, wd));
                continue;
            }
            var files = Directory.GetFiles(folder.Path, "*" + Extension).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
                throw new ConfigException($"{name}: the folder {folder.DisplayPath} holds no {Extension} files.");
            found.AddRange(files.Select(f => new ConfigLocation(name, f, folder.Searched, wd)));
        }
        return found;
    }

    /// <summary>
    /// A path relative to <paramref name="workingDirectory"/> (with '/') when it lies inside it, else the full path.
    /// </summary>
    public static string Display(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.IsPathRooted(relative)
            ? path
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>
    /// The file a bare name stands for in one search folder: the name, else the name with .yaml added; null when
    /// neither exists.
    /// </summary>
    private static string? FileIn(string folder, string given, string wd)
    {
        var path = Path.GetFullPath(Path.Combine(wd, folder, given));
        if (File.Exists(path)) return path;
        return !Path.HasExtension(given) && File.Exists(path + Extension) ? path + Extension : null;
    }

    private static ConfigLocation? FindFolder(string given, string wd)
    {
        if (string.IsNullOrWhiteSpace(given)) return null;
        var direct = Path.GetFullPath(Path.Combine(wd, given));
        if (Directory.Exists(direct)) return new ConfigLocation(given, direct, Searched: false, wd);
        if (File.Exists(direct) || Path.IsPathRooted(given)) return null;
        var folders =
            SearchFolders.Select(f => Path.GetFullPath(Path.Combine(wd, f, given))).Where(Directory.Exists).ToList();
        return folders.Count == 0 ? null : Single(given, wd, folders, "folder");
    }

    /// <summary>The one match found in the search folders, or an error naming none or both.</summary>
    private static ConfigLocation Single(string given, string wd, IReadOnlyList<string> matches, string what)
    {
        if (Path.IsPathRooted(given))
            throw new ConfigException($"{given}: config {what} not found. Pass an existing file with --config.");
        if (matches.Count == 1) return new ConfigLocation(given, matches[0], Searched: true, wd);
        if (matches.Count > 1)
            throw new ConfigException(
                $"{given}: matches both {string.Join(" and ", matches.Select(m => Display(m, wd)))}; pass the path " +
                "of the one you mean with --config.");
        throw new ConfigException($"{given}: config {what} not found in the working directory ({wd}) or in "
            + $"{string.Join(" or ", SearchFolders.Select(f => f + "/"))}. {Available(wd)}");
    }

    private static string Available(string wd)
    {
        var lists = SearchFolders
            .Select(f => (Folder: f, Names: Directory.Exists(Path.Combine(wd, f))
                ? Directory.GetFiles(Path.Combine(wd, f), "*" + Extension).Select(Path.GetFileNameWithoutExtension)
                    .Order(StringComparer.Ordinal).ToList()
                : []))
            .Where(x => x.Names.Count > 0)
            .Select(x => $"{x.Folder}/: {string.Join(", ", x.Names)}")
            .ToList();
        return lists.Count == 0
            ? "Pass an existing file with --config."
            : $"Pass an existing file, or one of these names, with --config ({string.Join("; ", lists)}).";
    }
}
