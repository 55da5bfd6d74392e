namespace IdcRepro.Data.Zip;

/// <summary>
/// Where one entry's local header sits in a zip, how its data is stored (0 stored, 8 deflate), and the CRC-32 the
/// central directory records for its uncompressed bytes.
/// </summary>
public readonly record struct ZipEntryLocation(long LocalHeaderOffset, long CompressedSize, long UncompressedSize,
    ushort Method, uint Crc32);
