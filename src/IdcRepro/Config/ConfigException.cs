namespace IdcRepro.Config;

/// <summary>A bad config: the message names the file, line, key and what is allowed. Printed without a stack trace.</summary>
public sealed class ConfigException(string message) : Exception(message);
