namespace IdcRepro.Pipeline;

/// <summary>A stage cannot go on because of its input (a bad file, a missing upstream output); the message says which and what to do.</summary>
public sealed class StageException(string message) : Exception(message);
