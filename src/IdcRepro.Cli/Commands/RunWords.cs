using IdcRepro.Config;

namespace IdcRepro.Cli.Commands;

/// <summary>What a config's fan-out is, in words, for the commands that take one run of it (predict, export).</summary>
internal static class RunWords
{
    /// <summary>"one per seed", "one per fold", "one per fold and seed".</summary>
    public static string Describe(IdcConfig config) => config.FanOut() switch
    {
        { Folds: not null, Seeds: not null } => "one per fold and seed",
        { Folds: not null } => "one per fold",
        _ => "one per seed",
    };
}
