namespace IdcRepro.Fetch;

/// <summary>What every attempt of one download shares: where from, into which partial file, how long a silence is tolerated.</summary>
internal sealed record DownloadJob(HttpClient Client, Uri Url, string PartialPath, TimeSpan IdleTimeout, IProgress<DownloadProgress>? Progress);
