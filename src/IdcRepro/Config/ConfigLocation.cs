namespace IdcRepro.Config;

/// <summary>
/// The config file a <c>--config</c> argument named: <paramref name="Given"/> as typed, the full
/// <paramref name="Path"/> it stands for, and whether it was found by searching <c>configs/</c> (see
/// <see cref="ConfigLocator"/>).
/// </summary>
public sealed record ConfigLocation(string Given, string Path, bool Searched, string WorkingDirectory)
{
    /// <summary>The file relative to the working directory (absolute when it lies outside).</summary>
    public string DisplayPath => ConfigLocator.Display(Path, WorkingDirectory);

    /// <summary>
    /// The one line that says which file a searched name took, e.g. <c>config: baseline.yaml ->
    /// configs/baseline.yaml</c>.
    /// </summary>
    public string Describe() => $"config: {Given} -> {DisplayPath}";
}
