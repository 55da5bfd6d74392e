namespace IdcRepro.Fetch;

/// <summary>
/// What every attempt of one download shares: where from, into which partial file (and the file remembering which
/// version of the archive it holds, see <see cref="DownloadValidator"/>), how long a silence is tolerated.
/// </summary>
internal sealed record DownloadJob(HttpClient Client, Uri Url, string PartialPath, TimeSpan IdleTimeout,
    IProgress<DownloadProgress>? Progress)
{
    public string ValidatorPath => DownloadValidator.PathFor(PartialPath);

    /// <summary>Bytes in the partial file (0 when there is none).</summary>
    public long Kept => File.Exists(PartialPath) ? new FileInfo(PartialPath).Length : 0;

    /// <summary>The version the partial holds, or null when it cannot be resumed safely.</summary>
    public DownloadValidator? Validator => File.Exists(PartialPath) ? DownloadValidator.Read(ValidatorPath) : null;

    /// <summary>
    /// Forgets the partial: first which version it was (so a crash in between never leaves a resumable stranger), then
    /// its bytes.
    /// </summary>
    public void Discard()
    {
        File.Delete(ValidatorPath);
        File.Delete(PartialPath);
    }
}
