using IdcRepro.Config;
using IdcRepro.Pipeline;

namespace IdcRepro.Sweeps;

/// <summary>
/// A sweep's id: 10 hex digits of the hash of its resolved variant configs, in order (their files' content and every
/// --set, as loaded). The same sweep submitted again, under any profile, finds its folder
/// (artifacts/sweeps/&lt;id&gt;/); the profile is left out, as it changes where jobs run, never what they make.
/// </summary>
public static class SweepId
{
    public static string Of(IEnumerable<SweepVariant> variants) =>
        Hashing.Sha256Hex(string.Join("\n", variants.Select(v => ConfigWriter.ToCanonicalJson(v.Config))))[..10];
}
