using IdcRepro.Config;
using YamlDotNet.RepresentationModel;

namespace IdcRepro.Sweeps;

/// <summary>
/// Loads a sweep profile as strictly as a config (unknown key, wrong type, out of range: one line naming the file, line
/// and column). A bare name is looked up in <c>profiles/</c> (<c>--profile slurm</c> is <c>profiles/slurm.yaml</c>).
/// Experiment settings (a config section, <c>threads</c>, <c>device</c>) are refused by name: they are part of the
/// cache key, which a profile must never change.
/// </summary>
public static class ProfileLoader
{
    public const string Folder = "profiles";

    /// <summary>Keys that belong in an experiment config, not in a profile.</summary>
    private static readonly HashSet<string> ExperimentKeys =
        ["name", "description", "data", "index", "preprocess", "split", "undersample", "train", "evaluate", "seeds",
            "threads", "device"];

    /// <summary>
    /// The profile file <paramref name="given"/> names: a path, else a name in profiles/ (.yaml added when it has
    /// none).
    /// </summary>
    public static string Locate(string given, string? workingDirectory = null)
    {
        var wd = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        if (string.IsNullOrWhiteSpace(given))
            throw new ConfigException(
                "--profile needs a file or a name, e.g. --profile profiles/slurm.yaml or --profile slurm.");
        var candidates = new[] { given, Path.Combine(Folder, given) }
            .SelectMany(p => Path.HasExtension(p) ? [p] : new[] { p, p + ConfigLocator.Extension })
            .Select(p => Path.GetFullPath(Path.Combine(wd, p)));
        if (candidates.FirstOrDefault(File.Exists) is { } found) return found;
        var known = Directory.Exists(Path.Combine(wd, Folder))
            ? string.Join(", ",
                Directory.GetFiles(Path.Combine(wd, Folder), "*" + ConfigLocator.Extension)
                .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
            : "";
        throw new ConfigException($"--profile {given}: no such profile file, and no {given} in {Folder}/. " +
                                  (known.Length > 0 ? $"Profiles there: {known}."
                                      : "Pass a profile file (see profiles/local.yaml and profiles/slurm.yaml in " +
                                      "the repository)."));
    }

    public static SweepProfile Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new ConfigException(
                $"{ConfigOrigin.DisplayPath(full)}: profile file not found. Pass an existing file with --profile.");
        var tree = ConfigTree.FromFile(full);
        RefuseExperimentKeys(tree, tree.Root, "");
        return ConfigLoader.Bind<SweepProfile>(tree, full);
    }

    private static void RefuseExperimentKeys(ConfigTree tree, YamlMappingNode mapping, string path)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            if (ExperimentKeys.Contains(key))
                throw new ConfigException(
                    $"{tree.OriginOf(keyNode)}: '{keyPath}' is an experiment setting, part of the cache key; a " +
                    "profile says only where " +
                                          "jobs run (executor, program, environment, local, slurm). Set it in the " +
                                          "config or with --set " +
                                          "(a training job asks Slurm for its config's train.threads CPUs).");
            if (value is YamlMappingNode child && path.Length == 0) RefuseExperimentKeys(tree, child, keyPath);
        }
    }
}
