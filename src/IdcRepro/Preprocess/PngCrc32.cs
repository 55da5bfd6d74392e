using System.Runtime.CompilerServices;

namespace IdcRepro.Preprocess;

/// <summary>The CRC-32 that PNG chunks carry (ISO 3309, as zlib's crc32), slicing by 8 bytes.</summary>
public static class PngCrc32
{
    private static readonly uint[][] Tables = BuildTables();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        var t = Tables;
        while (data.Length >= 8)
        {
            var low = crc ^ (uint)(data[0] | data[1] << 8 | data[2] << 16 | data[3] << 24);
            crc = t[7][low & 0xff] ^ t[6][(low >> 8) & 0xff] ^ t[5][(low >> 16) & 0xff] ^ t[4][low >> 24]
                ^ t[3][data[4]] ^ t[2][data[5]] ^ t[1][data[6]] ^ t[0][data[7]];
            data = data[8..];
        }
        foreach (var b in data) crc = t[0][(crc ^ b) & 0xff] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[][] BuildTables()
    {
        var tables = new uint[8][];
        tables[0] = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            tables[0][n] = c;
        }
        for (var s = 1; s < 8; s++)
        {
            tables[s] = new uint[256];
            for (var n = 0; n < 256; n++) tables[s][n] = tables[0][tables[s - 1][n] & 0xff] ^ (tables[s - 1][n] >> 8);
        }
        return tables;
    }
}
