using CsvHelper;

namespace IdcRepro.Pipeline;

/// <summary>
/// The project's CSV files (index, predictions, history): CsvHelper records (<c>[CsvRecord]</c>) written atomically
/// with '\n' line ends, read back with a clear error naming the file when it is not what it should be.
/// </summary>
public static class CsvFile
{
    public static void Write<T>(string path, IEnumerable<T> rows) => AtomicFile.Write(path, tmp =>
    {
        using var writer = CsvWriter.ToFile(tmp, new CsvWriterOptions { NewLine = "\n" }, FileOptions.None);
        writer.WriteRecords(rows);
    });

    /// <param name="onError">Makes the exception to throw from a message naming the file and what is wrong with
    /// it.</param>
    public static IReadOnlyList<T> Read<T>(string path, Func<string, Exception, Exception> onError)
    {
        try
        {
            using var reader = CsvReader.FromFile(path, new CsvReaderOptions(), FileOptions.SequentialScan);
            return reader.GetRecords<T>().ToList();
        }
        catch (CsvFormatException e)
        {
            throw onError($"{path}: not a valid {Path.GetFileName(path)} ({e.Message})", e);
        }
    }
}
