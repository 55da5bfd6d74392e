namespace IdcRepro.Tests.Fetch;

/// <summary>
/// How <see cref="LoopbackHttpServer"/> behaves; the default is a well-behaved server with Range support that sends a
/// strong ETag and a Last-Modified and honours If-Range (RFC 9110: the same validator gets the range, another gets 200
/// and the whole file).
/// </summary>
internal sealed record ServerScript
{
    /// <summary>
    /// The first response announces the whole body but the connection is closed after this many bytes.
    /// </summary>
    public long? CutFirstResponseAfter { get; init; }

    /// <summary>The first response sends this many bytes, then nothing more (the connection stays open).</summary>
    public long? StallFirstResponseAfter { get; init; }

    /// <summary>Range headers are ignored: every answer is 200 with the whole body.</summary>
    public bool IgnoreRange { get; init; }

    /// <summary>A ranged request is answered 206 from byte 0, whatever start was asked for.</summary>
    public bool RangeFromStart { get; init; }

    /// <summary>The first this many requests are answered 500.</summary>
    public int ServerErrorsFirst { get; init; }

    /// <summary>Every request is answered with this status and no body.</summary>
    public int? AlwaysStatus { get; init; }

    /// <summary>
    /// Responses carry an ETag (strong unless <see cref="WeakETag"/>), derived from the served bytes.
    /// </summary>
    public bool SendETag { get; init; } = true;

    /// <summary>The ETag is weak (<c>W/"..."</c>), which a resume must not rely on.</summary>
    public bool WeakETag { get; init; }

    /// <summary>Responses carry a Last-Modified, one date per served file.</summary>
    public bool SendLastModified { get; init; } = true;

    /// <summary>
    /// Another file (other bytes, so another ETag and Last-Modified), served instead from request
    /// <see cref="OtherContentFromRequest"/> on.
    /// </summary>
    public byte[]? OtherContent { get; init; }

    /// <summary>The number (1 for the first) of the first request answered with <see cref="OtherContent"/>.</summary>
    public int OtherContentFromRequest { get; init; } = 1;

    /// <summary>
    /// A broken server: If-Range is not checked, so a ranged request gets a 206 of whatever file it serves now.
    /// </summary>
    public bool IgnoreIfRange { get; init; }

    /// <summary>
    /// The file the server has is itself cut to this many bytes (a truncated archive, served with a matching
    /// Content-Length).
    /// </summary>
    public long? TruncateContentTo { get; init; }
}
