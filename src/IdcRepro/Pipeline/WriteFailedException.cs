namespace IdcRepro.Pipeline;

/// <summary>
/// Something could not be written (a full disk, a read-only or forbidden folder). The message names the folder, the
/// space needed when it is known, and what to do; the CLI prints it as one line, without a stack trace. An
/// <see cref="IOException"/>, so code that already handles failed writes (a warning for a convenience file) still does.
/// </summary>
public sealed class WriteFailedException : IOException
{
    public WriteFailedException(string message, string folder, Exception inner) : base(message, inner)
    {
        Folder = folder;
        HResult = inner.HResult;
    }

    /// <summary>The folder that could not be written to.</summary>
    public string Folder { get; }
}
