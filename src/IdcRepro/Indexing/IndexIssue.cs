namespace IdcRepro.Indexing;

public enum IndexIssueKind
{
    /// <summary>A .png whose name is not &lt;patient&gt;_idx5_x&lt;X&gt;_y&lt;Y&gt;_class&lt;C&gt;.png.</summary>
    MalformedName,

    /// <summary>The class or patient folder disagrees with the name.</summary>
    FolderMismatch,

    /// <summary>Two different files with the same name (not an exact copy).</summary>
    ConflictingCopy,
}

/// <summary>An entry the index could not use, and why.</summary>
public sealed record IndexIssue(IndexIssueKind Kind, string Path, string Detail);

/// <summary>Index found entries it cannot use while <c>index.on_invalid</c> is <c>fail</c>.</summary>
public sealed class IndexInvalidException(IReadOnlyList<IndexIssue> issues) : Exception(Describe(issues))
{
    public IReadOnlyList<IndexIssue> Issues { get; } = issues;

    /// <summary>Counts by kind with up to three examples each.</summary>
    public static string Describe(IReadOnlyList<IndexIssue> issues) => string.Join("\n", issues
        .GroupBy(i => i.Kind)
        .OrderBy(g => g.Key)
        .Select(g =>
            $"  {g.Count()} {Label(g.Key)}, " +
            $"e.g. {string.Join("; ", g.Take(3).Select(i => $"{i.Path} ({i.Detail})"))}"));

    private static string Label(IndexIssueKind kind) => kind switch
    {
        IndexIssueKind.MalformedName => "malformed file name(s)",
        IndexIssueKind.FolderMismatch => "file(s) in a folder that disagrees with the name",
        _ => "conflicting copies (same name, different content)",
    };
}
