namespace IdcRepro.Training;

/// <summary>A file in a training work folder is missing, corrupt or from another run; the message names it and says what to do.</summary>
public sealed class TrainingCheckpointException : Exception
{
    public TrainingCheckpointException(string path, string message, Exception? inner = null) : base(message, inner) => FilePath = path;

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }
}
