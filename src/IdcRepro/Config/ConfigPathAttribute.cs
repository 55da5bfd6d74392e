namespace IdcRepro.Config;

/// <summary>
/// Marks a string setting (or a list of strings) that names a file or folder. A relative value is resolved against the
/// folder of the config file that set it (or the working directory, for <c>--set</c>), so a config means the same thing
/// wherever it is run from.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigPathAttribute : Attribute;
