namespace IdcRepro.Config;

public enum DataSourceKind { Synthetic, Zip, Directory, Url }

/// <summary>The <c>data</c> section: where the patches come from (the Fetch stage).</summary>
public sealed record DataConfig : ISelfValidating
{
    public required DataSourceKind Source { get; init; }

    /// <summary>A local zip (source zip) or folder (source directory).</summary>
    [ConfigPath] public string? Path { get; init; }

    /// <summary>An http(s) address of a zip in the original archive's layout (source url).</summary>
    public string? Url { get; init; }

    /// <summary>
    /// The archive's expected SHA-256 (64 hex digits). Without it, the hash of the first download is recorded and later
    /// checked.
    /// </summary>
    public string? Sha256 { get; init; }

    public DownloadConfig Download { get; init; } = new();
    public SyntheticConfig Synthetic { get; init; } = new();

    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (Source is DataSourceKind.Zip or DataSourceKind.Directory && string.IsNullOrWhiteSpace(Path))
            yield return ("path",
                $"source '{Source.ToString().ToLowerInvariant()}' needs data.path: " +
                $"the {(Source == DataSourceKind.Zip ? "zip file" : "folder")} to read");
        if (Source == DataSourceKind.Url && string.IsNullOrWhiteSpace(Url))
            yield return ("url", "source 'url' needs data.url: an http:// or https:// address of the archive");
        if (Url is not null
            && !(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")))
            yield return ("url", $"'{Url}' is not an http:// or https:// address");
        if (Sha256 is not null && !(Sha256.Length == 64 && Sha256.All(Uri.IsHexDigit)))
            yield return ("sha256", "must be 64 hexadecimal digits (the archive's SHA-256)");
    }
}

/// <summary>How a url source is downloaded.</summary>
public sealed record DownloadConfig
{
    /// <summary>Attempts after the first one fails, each resuming where the last stopped.</summary>
    [ConfigRange(0, 100)] public int Retries { get; init; } = 5;

    /// <summary>Seconds without progress before an attempt is abandoned.</summary>
    [ConfigRange(1, 3600)] public int TimeoutSeconds { get; init; } = 60;
}

/// <summary>A deterministic IDC-like dataset in the original layout and naming; powers the demo.</summary>
public sealed record SyntheticConfig
{
    [ConfigRange(0, int.MaxValue)] public int Seed { get; init; } = 7;
    [ConfigRange(2, 10_000)] public int Patients { get; init; } = 12;

    /// <summary>
    /// Grid columns and rows of patches per patient (a patient's region is at most columns x rows patches).
    /// </summary>
    [ConfigRange(2, 1_000)] public int GridColumns { get; init; } = 20;
    [ConfigRange(2, 1_000)] public int GridRows { get; init; } = 16;

    /// <summary>Target share of class-1 (IDC) patches.</summary>
    [ConfigRange(0, 1, ExclusiveMinimum = true)] public double IdcFraction { get; init; } = 0.28;

    /// <summary>Share of patches cut short at the region's edge (like the real 50x42, 50x30 patches).</summary>
    [ConfigRange(0, 1)] public double EdgeFraction { get; init; } = 0.02;

    /// <summary>Side of a full patch in pixels; the real data uses 50.</summary>
    [ConfigRange(8, 512)] public int PatchSize { get; init; } = 50;
}
