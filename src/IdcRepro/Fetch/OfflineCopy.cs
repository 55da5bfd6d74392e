namespace IdcRepro.Fetch;

/// <summary>
/// What a failed download's error suggests: reading a local copy of the same archive instead of the address.
/// </summary>
public static class OfflineCopy
{
    /// <summary>
    /// E.g. <c>--set data.source=zip --set data.path=&lt;local copy of IDC_regular_ps50_idx5.zip&gt;</c>.
    /// </summary>
    public static string Settings(Uri url) =>
        "--set data.source=zip --set data.path=<local copy " +
        $"of {(Path.GetFileName(url.AbsolutePath) is { Length: > 0 } name ? name : "the archive")}>";

    /// <summary>The sentence that ends every failed download's error line.</summary>
    public static string Advice(Uri url) => $"Or work from a copy you already have: {Settings(url)}.";
}
