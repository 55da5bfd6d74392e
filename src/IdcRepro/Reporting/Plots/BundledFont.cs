extern alias ScottPlotLib;

using ScottPlotLib::ScottPlot;
using SkiaSharp;

namespace IdcRepro.Reporting.Plots;

/// <summary>
/// The report's font, DejaVu Sans (regular and bold; licence in Fonts/LICENSE.txt), carried inside this assembly so
/// that plots have text on a machine with no fonts installed (a headless GPU server), and look the same everywhere.
/// Registered once with ScottPlot as a font resolver ahead of the system's, and made ScottPlot's default font.
/// </summary>
internal static class BundledFont
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Registration = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Registers the font with ScottPlot; every plot calls this before it draws (see <see cref="PlotTheme"/>).
    /// </summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    /// <summary>
    /// A typeface of the bundled font, straight from the embedded file (tests check it draws without the system).
    /// </summary>
    public static SKTypeface Typeface(bool bold) => SKTypeface.FromData(bold ? Resolver.Bold : Resolver.Regular);

    private static bool Register()
    {
        Fonts.FontResolvers.Insert(0, new Resolver());
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return true;
    }

    private sealed class Resolver : IFontResolver
    {
        public static readonly SKData Regular = Load("DejaVuSans.ttf");
        public static readonly SKData Bold = Load("DejaVuSans-Bold.ttf");

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase)
                ? Typeface(weight >= FontWeight.SemiBold) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic
                : FontSlant.Upright, FontSpacing.Normal);

        private static SKData Load(string file)
        {
            using var stream = typeof(BundledFont).Assembly.GetManifestResourceStream($"IdcRepro.Fonts.{file}")
                ?? throw new InvalidOperationException(
                    $"the font {file} is not embedded in {typeof(BundledFont).Assembly.GetName().Name}");
            return SKData.Create(stream);
        }
    }
}
