using IdcRepro.Reporting;

namespace IdcRepro.Tests.Reporting;

/// <summary>
/// Synthetic H&amp;E-like patches drawn from slide coordinates, so neighbouring patches join up on a tissue map:
/// pink stroma with purple nuclei, denser and darker where the patch is IDC.
/// </summary>
public sealed class FakePixels(IReadOnlyList<ScoredPatch> predictions, int size = 50) : IPatchPixels
{
    public int Size => size;

    public byte[] ReadRgb(int predictionIndex)
    {
        var patch = predictions[predictionIndex].Patch;
        var rgb = new byte[size * size * 3];
        var idc = patch.Label == 1;
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                var gx = patch.X + x;
                var gy = patch.Y + y;
                var texture = Noise(gx / 9.0, gy / 9.0, patch.Patient.Sum(ch => ch) & 0xff);
                var nuclei = Noise(gx / 3.2, gy / 3.2, 77);
                var threshold = idc ? 0.58 : 0.78;
                double r, g, b;
                if (nuclei > threshold) { r = 95; g = 55; b = 140; }        // haematoxylin: nuclei
                else { r = 236; g = 168 - 40 * texture; b = 200 - 20 * texture; } // eosin: stroma
                var shade = 0.9 + 0.1 * texture;
                var i = (y * size + x) * 3;
                rgb[i] = (byte)Math.Clamp(r * shade, 0, 255);
                rgb[i + 1] = (byte)Math.Clamp(g * shade, 0, 255);
                rgb[i + 2] = (byte)Math.Clamp(b * shade, 0, 255);
            }
        return rgb;
    }

    /// <summary>Smooth value noise in [0, 1].</summary>
    private static double Noise(double x, double y, int seed)
    {
        int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
        double fx = x - x0, fy = y - y0;
        fx = fx * fx * (3 - 2 * fx);
        fy = fy * fy * (3 - 2 * fy);
        double Lerp(double a, double b, double t) => a + (b - a) * t;
        return Lerp(Lerp(Hash(x0, y0, seed), Hash(x0 + 1, y0, seed), fx),
            Lerp(Hash(x0, y0 + 1, seed), Hash(x0 + 1, y0 + 1, seed), fx), fy);
    }

    private static double Hash(int x, int y, int seed)
    {
        unchecked
        {
            var h = (uint)(x * 374761393 + y * 668265263 + seed * 144665);
            h = (h ^ (h >> 13)) * 1274126177;
            return ((h ^ (h >> 16)) & 0xffff) / 65535.0;
        }
    }
}
