using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace IdcRepro.Data.Npy;

/// <summary>
/// The header of a C-order .npy array: its dtype and shape (first axis = items). <see cref="Encode"/> gives the
/// bytes <c>numpy.save</c> writes (version 1.0, dict in sorted key order, room to grow the first axis,
/// padded with spaces to a multiple of 64 bytes, ending in '\n'), so the two are interchangeable.
/// </summary>
public sealed partial record NpyHeader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private const int Alignment = 64;

    /// <summary>NumPy leaves room for this many digits in the first axis, so an array can grow in place.</summary>
    private const int GrowthAxisMaxDigits = 21;

    public NpyHeader(NpyDType dtype, params long[] shape)
    {
        if (shape.Length == 0) throw new ArgumentException("a .npy array here has at least one axis", nameof(shape));
        if (shape.Any(d => d < 0))
            throw new ArgumentException($"negative dimension in shape {ShapeText(shape)}", nameof(shape));
        DType = dtype;
        Shape = [.. shape];
        ItemBytes = checked(shape.Skip(1).Aggregate((long)dtype.ItemSize, (a, d) => a * d));
        DataBytes = checked(ItemBytes * shape[0]);
    }

    public NpyDType DType { get; }

    public IReadOnlyList<long> Shape { get; }

    /// <summary>Length of the first axis: images, labels.</summary>
    public long Count => Shape[0];

    /// <summary>Bytes of one item along the first axis (one image: size*size*3).</summary>
    public long ItemBytes { get; }

    /// <summary>Bytes of all the data after the header.</summary>
    public long DataBytes { get; }

    /// <summary>Bytes of the encoded header (magic included); the data starts here.</summary>
    public int Length => Encode().Length;

    /// <summary>This header with another first-axis length (its encoded length does not change).</summary>
    public NpyHeader WithCount(long count) => new(DType, [count, .. Shape.Skip(1)]);

    public byte[] Encode()
    {
        var dict = $"{{'descr': '{DType.Descr}', 'fortran_order': False, 'shape': {ShapeText(Shape)}, }}";
        dict += new string(' ', GrowthAxisMaxDigits - Shape[0].ToString().Length);
        var unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
        var padding = Alignment - unpadded % Alignment;
        var text = dict + new string(' ', padding) + "\n";
        if (text.Length > ushort.MaxValue)
            throw new NotSupportedException($"shape {ShapeText(Shape)} needs a header longer than version 1.0 allows");
        var bytes = new byte[Magic.Length + 4 + text.Length];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1;
        bytes[7] = 0;
        bytes[8] = (byte)(text.Length & 0xff);
        bytes[9] = (byte)(text.Length >> 8);
        Encoding.ASCII.GetBytes(text, bytes.AsSpan(10));
        return bytes;
    }

    /// <summary>
    /// How many bytes the header takes, from the first 12 bytes of a file: the prefix (magic, version, length) plus its
    /// text.
    /// </summary>
    public static int MeasureLength(ReadOnlySpan<byte> start)
    {
        if (start.Length < 10 || !start[..6].SequenceEqual(Magic))
            throw new InvalidDataException("not a .npy file (no \\x93NUMPY magic)");
        return start[6] switch
        {
            1 => 10 + (start[8] | start[9] << 8),
            2 or 3 when start.Length >= 12 => checked(12 + (int)BinaryPrimitives.ReadUInt32LittleEndian(start[8..12])),
            var major => throw new InvalidDataException($"unsupported .npy version {major}.{start[7]}"),
        };
    }

    /// <summary>
    /// Parses a whole header (prefix and text, <see cref="MeasureLength"/> bytes), checking dtype and order.
    /// </summary>
    public static NpyHeader Decode(ReadOnlySpan<byte> header)
    {
        var prefix = header[6] == 1 ? 10 : 12;
        var text = (header[6] == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(header[prefix..]);
        if (!text.EndsWith('\n')) throw new InvalidDataException("the .npy header does not end in a newline");
        var match = DictPattern().Match(text.TrimEnd());
        if (!match.Success) throw new InvalidDataException($"unreadable .npy header: {text.Trim()}");
        var descr = match.Groups["descr"].Value;
        var dtype = NpyDType.FromDescr(descr)
            ?? throw new InvalidDataException(
                $"dtype '{descr}' is not supported " +
                $"(only {string.Join(", ", NpyDType.Supported.Select(t => t.Descr))})");
        if (match.Groups["fortran"].Value == "True")
            throw new InvalidDataException("Fortran-order arrays are not supported (save with C order)");
        var shape = match.Groups["shape"]
            .Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => long.TryParse(d, out var v) ? v
                : throw new InvalidDataException($"bad dimension '{d}' in the .npy shape")).ToArray();
        if (shape.Length == 0) throw new InvalidDataException("0-d .npy arrays are not supported");
        return new NpyHeader(dtype, shape);
    }

    public bool Equals(NpyHeader? other) => other is not null && DType == other.DType
        && Shape.SequenceEqual(other.Shape);

    public override int GetHashCode() => HashCode.Combine(DType, Shape.Count, Shape[0]);

    public override string ToString() => $"{DType.Descr} {ShapeText(Shape)}";

    /// <summary>A shape as Python writes a tuple: <c>(5,)</c>, <c>(2, 50, 50, 3)</c>.</summary>
    private static string ShapeText(IReadOnlyList<long> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    [GeneratedRegex(
        @"^\{\s*'descr':\s*'(?<descr>[^']*)',\s*'fortran_order':\s*(?<fortran>True|False),\s*" +
        @"'shape':\s*\((?<shape>[\d,\s]*)\),?\s*\}$")]
    private static partial Regex DictPattern();
}
