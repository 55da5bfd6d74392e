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
