using IdcRepro.Config;
using IdcRepro.Pipeline;

namespace IdcRepro.Sweeps;

/// <summary>
/// One variant of a sweep: its config file as the jobs pass it to idc, and the resolved config (after --set).
/// </summary>
public sealed record SweepVariant(string File, IdcConfig Config)
{
    /// <summary>Every run the variant fans out to (seeds, folds, ...), as <see cref="RunSpec.Of"/> says.</summary>
    public IReadOnlyList<RunSpec> Runs { get; } = RunSpec.Of(Config);

    public string Name => Config.Name;
}
