using System.Globalization;
using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>Numbers as the report prints them: invariant culture, fixed decimals, "n/a" for undefined.</summary>
internal static class Format
{
    public static string Fixed(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Fixed(double? value, int decimals) => value is { } v ? Fixed(v, decimals) : "n/a";

    public static string Interval(Interval interval, int decimals) =>
        $"[{Fixed(interval.Lower, decimals)}, {Fixed(interval.Upper, decimals)}]";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double value, int decimals) => Fixed(100 * value, decimals) + "%";

    public static string Seconds(double seconds) => seconds switch
    {
        < 60 => Fixed(seconds, 1) + " s",
        < 3600 => $"{Math.Floor(seconds / 60):0} min {seconds % 60:00} s",
        _ => $"{Math.Floor(seconds / 3600):0} h {Math.Floor(seconds % 3600 / 60):00} min",
    };
}
