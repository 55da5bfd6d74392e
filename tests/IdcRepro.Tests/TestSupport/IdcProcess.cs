using System.Diagnostics;

namespace IdcRepro.Tests.TestSupport;

/// <summary>What one run of the <c>idc</c> program gave: its exit code and everything it wrote.</summary>
public sealed record IdcOutcome(int ExitCode, string Output, string Error)
{
    /// <summary>The non-empty lines written to stderr.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Runs the built <c>idc</c> program (idc.dll, copied beside the tests) as a child process, as a user or the Cake
/// script does: its own working directory, environment and console, so its exit code and stderr are the real ones.
/// </summary>
public static class IdcProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "idc.dll");

    public static IdcOutcome Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static IdcOutcome Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"idc {string.Join(' ', args)} ran for over 3 minutes");
        }
        process.WaitForExit();
        return new IdcOutcome(process.ExitCode, output.Result, error.Result);
    }
}
