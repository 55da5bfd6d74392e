using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace IdcRepro.Data.Npy;

/// <summary>
/// A .npy file mapped into memory, read item by item without loading it: the operating system pages in what is
/// touched. The file is checked on open (see <see cref="NpyFile.ReadHeader"/>); a cut-short file is refused.
/// Spans stay valid until the array is disposed.
/// </summary>
public sealed unsafe class NpyMappedArray : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _data;

    private NpyMappedArray(string path, NpyHeader header, MemoryMappedFile map, MemoryMappedViewAccessor view,
        int dataOffset)
    {
        Path = path;
        Header = header;
        _map = map;
        _view = view;
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        _data = start + view.PointerOffset + dataOffset;
    }

    public string Path { get; }

    public NpyHeader Header { get; }

    /// <summary>Length of the first axis.</summary>
    public long Count => Header.Count;

    public static NpyMappedArray Open(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var (header, dataOffset) = NpyFile.ReadHeader(handle, path);
        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0,
            MemoryMappedFileAccess.Read);
        try
        {
            var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            if (view.Capacity < dataOffset + header.DataBytes)
            {
                view.Dispose();
                throw new InvalidDataException(
                    $"'{path}' changed while it was opened: it is shorter than its header says");
            }
            return new NpyMappedArray(path, header, map, view, dataOffset);
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The bytes of item <paramref name="index"/> along the first axis (one image: size*size*3, HWC).
    /// </summary>
    public ReadOnlySpan<byte> Item(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return new ReadOnlySpan<byte>(_data + index * Header.ItemBytes, checked((int)Header.ItemBytes));
    }

    /// <summary>
    /// All the data as <typeparamref name="T"/>, which must match the dtype (for arrays under 2 GB, such as labels).
    /// </summary>
    public ReadOnlySpan<T> AsSpan<T>() where T : unmanaged
    {
        if (NpyDType.Of<T>() != Header.DType)
            throw new InvalidOperationException($"'{Path}' holds {Header.DType.Descr}, not {typeof(T).Name}");
        return MemoryMarshal.Cast<byte, T>(new ReadOnlySpan<byte>(_data, checked((int)Header.DataBytes)));
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
