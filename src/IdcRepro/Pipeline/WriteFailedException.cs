namespace IdcRepro.Pipeline;

/// <summary>
/// Something could not be written (a full disk, a read-only or forbidden folder). The message names the folder, the
/// space needed when it is known, and what to do; the CLI prints it as one line, without a stack trace.
/// </summary>
public sealed class WriteFailedException(string message, string folder, Exception inner) : Exception(message, inner)
{
    /// <summary>The folder that could not be written to.</summary>
    public string Folder { get; } = folder;
}
