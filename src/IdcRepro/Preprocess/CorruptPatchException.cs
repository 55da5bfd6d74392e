namespace IdcRepro.Preprocess;

/// <summary>A patch file that is not a readable PNG: empty, cut short, or with bad chunks or pixel data.</summary>
public sealed class CorruptPatchException(string message, Exception? inner = null) : Exception(message, inner);
