using System.Runtime.InteropServices;

namespace IdcRepro.Benchmarks;

/// <summary>
/// The processor's model name, for benchmark records: CPU figures depend on it (vector instructions, caches).
/// </summary>
public static class CpuModel
{
    /// <summary>
    /// The keys that name the model in /proc/cpuinfo: x86's "model name", then what ARM kernels write.
    /// </summary>
    private static readonly string[] Keys = ["model name", "Model", "Processor", "cpu model"];

    /// <summary>
    /// This machine's CPU model: from /proc/cpuinfo on Linux, PROCESSOR_IDENTIFIER on Windows, else the architecture.
    /// </summary>
    public static string Read()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo") && Parse(File.ReadAllText("/proc/cpuinfo")) is { } model) return model;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Fall back below.
        }
        return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") is { Length: > 0 } identifier
            ? identifier
            : $"unknown {RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()} CPU";
    }

    /// <summary>
    /// The model name in the text of /proc/cpuinfo (the first processor's), or null when it names none.
    /// </summary>
    public static string? Parse(string cpuinfo)
    {
        var fields = cpuinfo.Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (Key: parts[0].Trim(), Value: parts[1].Trim()))
            .Where(field => field.Value.Length > 0)
            .ToList();
        return Keys.Select(key => fields.FirstOrDefault(f => f.Key == key).Value)
            .FirstOrDefault(value => value is not null);
    }
}
