namespace IdcRepro.Tests.Fetch;

/// <summary>
/// One request the loopback server answered: its Range header (raw and its start), its If-Range, the status, the body
/// bytes it sent and the ETag of the file it served from.
/// </summary>
internal sealed record ServedRequest(string? Range, long? RangeStart, string? IfRange, int Status, long BodyBytes,
    string? FileETag);
