namespace IdcRepro.Preprocess;

/// <summary>A patch left out of the cache under <c>on_corrupt: skip</c>: its index in the input list, its path, and why.</summary>
public sealed record SkippedPatch(int Index, string Path, string Reason);
