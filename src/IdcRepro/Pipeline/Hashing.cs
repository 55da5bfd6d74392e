using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace IdcRepro.Pipeline;

public static class Hashing
{
    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// The SHA-256 of a file's content. A small file (a patch's PNG) is read in one go; a large one streams through a
    /// pooled 1 MB buffer: a buffer allocated per file made hashing a folder of 277,524 patches allocation-bound.
    /// </summary>
    public static string FileSha256(string path, IProgress<long>? progress = null)
    {
        using var handle =
            File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, ChunkBytes));
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long offset = 0;
            int read;
            while ((read =
                RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, ChunkBytes)), offset)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                offset += read;
                progress?.Report(offset);
            }
            return Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int ChunkBytes = 1 << 20;
}
