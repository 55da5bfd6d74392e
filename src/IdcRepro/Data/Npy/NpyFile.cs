using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IdcRepro.Data.Npy;

/// <summary>
/// Whole-file helpers for NumPy .npy files: write a small array in one go, read and check a header. Large arrays
/// go through <see cref="NpyArrayWriter"/> (written per item) and <see cref="NpyMappedArray"/> (memory-mapped).
/// </summary>
public static class NpyFile
{
    /// <summary>Writes a 1-D array (labels, indices) as a .npy file that <c>np.load</c> reads.</summary>
    public static void WriteVector<T>(string path, ReadOnlySpan<T> values) where T : unmanaged
    {
        var header = new NpyHeader(NpyDType.Of<T>(), values.Length);
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        var encoded = header.Encode();
        RandomAccess.Write(handle, encoded, 0);
        RandomAccess.Write(handle, MemoryMarshal.AsBytes(values), encoded.Length);
    }

    /// <summary>
    /// Reads a 1-D array whole (for small files such as labels); checked like <see cref="NpyMappedArray.Open"/>.
    /// </summary>
    public static T[] ReadVector<T>(string path) where T : unmanaged
    {
        using var array = NpyMappedArray.Open(path);
        if (array.Header.Shape.Count != 1)
            throw new InvalidDataException($"'{path}' holds shape {array.Header}, not a 1-D array");
        return array.AsSpan<T>().ToArray();
    }

    /// <summary>
    /// Reads and checks the header of <paramref name="path"/>: magic, version, a supported dtype, C order, and that
    /// the file is exactly header + data bytes long. Returns the header and where the data starts.
    /// </summary>
    public static (NpyHeader Header, int DataOffset) ReadHeader(SafeFileHandle file, string path)
    {
        try
        {
            var fileLength = RandomAccess.GetLength(file);
            Span<byte> start = stackalloc byte[12];
            var read = RandomAccess.Read(file, start, 0);
            var length = NpyHeader.MeasureLength(start[..read]);
            if (length > fileLength)
                throw new InvalidDataException($"its header claims {length} bytes but the file has only {fileLength}");
            var bytes = new byte[length];
            RandomAccess.Read(file, bytes, 0);
            var header = NpyHeader.Decode(bytes);
            if (fileLength != length + header.DataBytes)
                throw new InvalidDataException(
                    $"it is {fileLength:N0} bytes but a {header} array needs {length + header.DataBytes:N0} "
                    + $"({(fileLength < length + header.DataBytes ? "cut short" : "trailing bytes")}); it cannot be " +
                        "trusted: make it again");
            return (header, length);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid .npy file: {e.Message}", e);
        }
    }
}
