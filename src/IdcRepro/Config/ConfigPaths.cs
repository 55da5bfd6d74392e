using System.Reflection;

namespace IdcRepro.Config;

/// <summary>The files and folders a config section names (its <see cref="ConfigPathAttribute"/> values), with their keys.</summary>
public static class ConfigPaths
{
    /// <summary>Every non-null path in <paramref name="section"/> and its subsections, e.g. (<c>split.lists.train</c>, /abs/train.txt).</summary>
    public static IEnumerable<(string Key, string Path)> Of(object section, string sectionKey)
    {
        foreach (var property in ConfigSchema.SettableProperties(section.GetType()).OrderBy(p => p.MetadataToken))
        {
            var key = $"{sectionKey}.{ConfigSchema.KeyName(property)}";
            var value = property.GetValue(section);
            if (property.GetCustomAttribute<ConfigPathAttribute>() is not null && value is string path)
                yield return (key, path);
            else if (value is not null && value is not string && property.PropertyType.IsClass && property.PropertyType.Namespace == typeof(ConfigPaths).Namespace)
                foreach (var nested in Of(value, key)) yield return nested;
        }
    }
}
