using System.Diagnostics;

namespace IdcRepro.Tests.TestSupport;

/// <summary>
/// A Python interpreter that can import what a test needs (the first of several candidates), to check that what we
/// write is what a Python user gets. <see cref="Numpy"/> and <see cref="PyTorchPython"/> are the two the tests use.
/// </summary>
public sealed class Python(IReadOnlyList<string> candidates, string imports, string missing)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly Lazy<string> _interpreter = new(() => candidates.FirstOrDefault(c => Imports(c, imports))
        ?? throw new InvalidOperationException($"{missing} (tried {string.Join(", ", candidates)})"));

    /// <summary>The interpreter the tests run (the first candidate that imports everything).</summary>
    public string Interpreter => _interpreter.Value;

    /// <summary>
    /// Runs <paramref name="code"/> (with <paramref name="arguments"/> as sys.argv[1:]) and returns its stdout; fails
    /// the test on a non-zero exit.
    /// </summary>
    public string Run(string code, params string[] arguments)
    {
        var (exit, output, error) = Exec(Interpreter, code, arguments);
        Assert.True(exit == 0, $"python failed: {error}");
        return output;
    }

    private static bool Imports(string python, string modules)
    {
        try
        {
            return Exec(python, $"import {modules}", []).Exit == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Exit, string Output, string Error) Exec(string python, string code, string[] arguments)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{python} did not finish within {Timeout.TotalMinutes} minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
