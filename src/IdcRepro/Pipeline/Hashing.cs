using System.Security.Cryptography;
using System.Text;

namespace IdcRepro.Pipeline;

public static class Hashing
{
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string FileSha256(string path, IProgress<long>? progress = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        if (progress is null) return Convert.ToHexStringLower(SHA256.HashData(stream));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        int read;
        long total = 0;
        while ((read = stream.Read(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            progress.Report(total += read);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
