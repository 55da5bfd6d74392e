namespace IdcRepro.Data.Zip;

/// <summary>Where one entry's local header sits in a zip, and how its data is stored (0 stored, 8 deflate).</summary>
public readonly record struct ZipEntryLocation(long LocalHeaderOffset, long CompressedSize, long UncompressedSize, ushort Method);
