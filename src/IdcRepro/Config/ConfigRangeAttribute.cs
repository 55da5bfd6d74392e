namespace IdcRepro.Config;

/// <summary>An inclusive numeric range a setting must lie in; checked with the value's file and line.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigRangeAttribute(double minimum, double maximum) : Attribute
{
    public double Minimum { get; } = minimum;
    public double Maximum { get; } = maximum;
    /// <summary>When true the minimum itself is not allowed (for fractions and rates that must be positive).</summary>
    public bool ExclusiveMinimum { get; init; }
}
