using System.Text.RegularExpressions;

namespace IdcRepro.Sweeps;

/// <summary>One NAME=value a profile asks every job to export.</summary>
public sealed partial record EnvironmentVariable(string Name, string Value)
{
    /// <summary>The variable of a NAME=value entry, or null when it is not one.</summary>
    public static EnvironmentVariable? Parse(string entry)
    {
        var eq = entry.IndexOf('=');
        if (eq <= 0 || !NamePattern().IsMatch(entry[..eq])) return null;
        return new EnvironmentVariable(entry[..eq], entry[(eq + 1)..]);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();
}
