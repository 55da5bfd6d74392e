namespace IdcRepro.Fetch;

/// <summary>
/// How far a download is: bytes on disk so far (resumed bytes included), the archive's size when the server says it,
/// and which attempt is running (1 for the first).
/// </summary>
public sealed record DownloadProgress(long BytesDone, long? BytesTotal, int Attempt);
