namespace IdcRepro.Tests.Fetch;

/// <summary>How <see cref="LoopbackHttpServer"/> misbehaves; the default is a well-behaved server with Range support.</summary>
internal sealed record ServerScript
{
    /// <summary>The first response announces the whole body but the connection is closed after this many bytes.</summary>
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
}
