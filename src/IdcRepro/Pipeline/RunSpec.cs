using IdcRepro.Config;

namespace IdcRepro.Pipeline;

/// <summary>
/// One run of the graph: a resolved config (one fold or seed of a variant that fans out, say) and its family, every run
/// its variant fans out to (<see cref="IdcConfig.Runs"/>), which a fan-in stage (CrossValidate, the report) reads
/// together.
/// </summary>
public sealed record RunSpec(IdcConfig Config, IReadOnlyList<IdcConfig> Family)
{
    /// <summary>Every run a variant config stands for, each knowing the others.</summary>
    public static IReadOnlyList<RunSpec> Of(IdcConfig variant)
    {
        var family = variant.Runs();
        return family.Select(run => new RunSpec(run, family)).ToList();
    }

    /// <summary>Every run of a variant, or only the one named (a job of a sweep runs one).</summary>
    /// <exception cref="ConfigException">No run of the variant has that name.</exception>
    public static IReadOnlyList<RunSpec> Select(IdcConfig variant, string? name)
    {
        var runs = Of(variant);
        if (name is null) return runs;
        return runs.Where(r => r.Name == name).ToList() is [_, ..] chosen ? chosen
            : throw new ConfigException(
                $"--run {name}: {variant.Name} has no such run. Its " +
                $"runs: {string.Join(", ", runs.Select(r => r.Name))}.");
    }

    /// <summary>The run of a config without fan-out.</summary>
    /// <exception cref="InvalidOperationException">The config fans out to several runs.</exception>
    public static RunSpec Single(IdcConfig config) => Of(config) is [var only] ? only
        : throw new InvalidOperationException(
            $"{config.Name} fans out to several runs; pick one of RunSpec.Of(config).");

    public string Name => Config.Name;
}
