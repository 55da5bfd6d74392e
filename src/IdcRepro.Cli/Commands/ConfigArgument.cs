using IdcRepro.Config;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// Reads <c>--config</c> the one way every command does: located by <see cref="ConfigLocator"/> (a bare name such as
/// <c>baseline.yaml</c> or <c>baseline</c> is looked up in configs/), with one line on stderr saying which file a
/// searched name took, then loaded strictly.
/// </summary>
internal static class ConfigArgument
{
    public static IdcConfig Load(string given, IEnumerable<string> sets) => ConfigLoader.Load(Locate(given).Path, sets);

    public static ConfigLocation Locate(string given) => Said(ConfigLocator.Locate(given));

    /// <summary>Every file a Compare's arguments stand for (folders expanded), each searched name said once.</summary>
    public static IReadOnlyList<ConfigLocation> LocateVariants(IEnumerable<string> given)
    {
        var variants = ConfigLocator.LocateVariants(given);
        foreach (var searched in variants.Where(v => v.Searched).DistinctBy(v => v.Given)) Said(searched);
        return variants;
    }

    private static ConfigLocation Said(ConfigLocation location)
    {
        // stderr: `idc config` prints the YAML itself on stdout.
        if (location.Searched) Console.Error.WriteLine(location.Describe());
        return location;
    }
}
