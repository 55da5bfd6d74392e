namespace IdcRepro.Torch;

/// <summary>Torch's native libraries cannot be loaded; the message says which file, why, and what to do.</summary>
public sealed class TorchRuntimeException(string message, Exception? inner = null) : Exception(message, inner);
