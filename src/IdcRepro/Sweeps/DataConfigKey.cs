using IdcRepro.Config;
using IdcRepro.Pipeline;

namespace IdcRepro.Sweeps;

/// <summary>
/// What a variant's data stages (Fetch to Undersample) are made from, less the fold: the canonical JSON of its data,
/// index, preprocess, split (fold left out) and undersample sections. Variants that agree on it share one data job, and
/// the folds of one variant always do.
/// </summary>
public static class DataConfigKey
{
    public static string Of(IdcConfig config) => Hashing.Sha256Hex(ConfigWriter.ToCanonicalJson(new
    {
        data = config.Data,
        index = config.Index,
        preprocess = config.Preprocess,
        split = config.Split with { Fold = 0 },
        undersample = config.Undersample,
    }));
}
