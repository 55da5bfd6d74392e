namespace IdcRepro.Reporting.Comparing;

/// <summary>The key-by-key difference of two YAML configs, flattened by <see cref="ConfigFlattener"/>.</summary>
public static class ConfigDiff
{
    /// <summary>
    /// Keys whose value changed, keys only in <paramref name="other"/> (added) and keys only in
    /// <paramref name="baseline"/> (removed): the baseline's keys in its order first, then the added ones in theirs.
    /// Keys in <paramref name="ignored"/> (and anything below them) are left out.
    /// </summary>
    public static IReadOnlyList<ConfigChange> Between(string baseline, string other,
        IReadOnlyCollection<string>? ignored = null)
    {
        bool Kept(string key) => ignored is null
            || !ignored.Any(i => key == i || key.StartsWith(i + ".", StringComparison.Ordinal)
            || key.StartsWith(i + "[", StringComparison.Ordinal));
        var before = ConfigFlattener.Flatten(baseline).Where(kv => Kept(kv.Key)).ToList();
        var after = ConfigFlattener.Flatten(other).Where(kv => Kept(kv.Key)).ToList();
        var afterByKey = after.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var beforeKeys = before.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);

        var changes = new List<ConfigChange>();
        foreach (var (key, value) in before)
        {
            if (!afterByKey.TryGetValue(key, out var now))
                changes.Add(new ConfigChange(key, ChangeKind.Removed, value, null));
            else if (!string.Equals(value, now, StringComparison.Ordinal))
                changes.Add(new ConfigChange(key, ChangeKind.Changed, value, now));
        }
        changes.AddRange(after.Where(kv => !beforeKeys.Contains(kv.Key))
            .Select(kv => new ConfigChange(kv.Key, ChangeKind.Added, null, kv.Value)));
        return changes;
    }
}
