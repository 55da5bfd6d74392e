namespace IdcRepro.Data.Npy;

/// <summary>
/// An element type of a .npy array, by its NumPy <c>descr</c> string: the few this project writes and reads.
/// </summary>
public sealed record NpyDType(string Descr, int ItemSize)
{
    /// <summary>uint8 (<c>|u1</c>): pixels, and labels.</summary>
    public static NpyDType UInt8 { get; } = new("|u1", 1);

    /// <summary>little-endian int32 (<c>&lt;i4</c>).</summary>
    public static NpyDType Int32 { get; } = new("<i4", 4);

    /// <summary>little-endian int64 (<c>&lt;i8</c>): NumPy's default integer, and PyTorch's class-index type.</summary>
    public static NpyDType Int64 { get; } = new("<i8", 8);

    public static IReadOnlyList<NpyDType> Supported { get; } = [UInt8, Int32, Int64];

    /// <summary>The type a descr names, or null if it is not one of <see cref="Supported"/>.</summary>
    public static NpyDType? FromDescr(string descr) => Supported.FirstOrDefault(t => t.Descr == descr);

    /// <summary>The dtype whose items are <typeparamref name="T"/> (byte, int or long).</summary>
    public static NpyDType Of<T>() where T : unmanaged => typeof(T) == typeof(byte) ? UInt8
        : typeof(T) == typeof(int) ? Int32
        : typeof(T) == typeof(long) ? Int64
        : throw new NotSupportedException($"no .npy dtype for {typeof(T).Name}; use byte, int or long");
}
