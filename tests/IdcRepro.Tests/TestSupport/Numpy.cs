using System.Diagnostics;

namespace IdcRepro.Tests.TestSupport;

/// <summary>Runs Python code with numpy, to check that what we write is what a Python user would load.</summary>
public static class Numpy
{
    /// <summary>The first python3 that imports numpy; CI installs Debian's python3-numpy (see .ci/run).</summary>
    private static readonly Lazy<string> Python = new(() => new[] { "python3", "/usr/bin/python3" }.FirstOrDefault(HasNumpy)
        ?? throw new InvalidOperationException("this test needs python3 with numpy: install it (Debian: apt-get install python3-numpy)"));

    public static string Run(string code)
    {
        var (exit, output, error) = Exec(Python.Value, code);
        Assert.True(exit == 0, $"python failed: {error}");
        return output;
    }

    private static bool HasNumpy(string python)
    {
        try
        {
            return Exec(python, "import numpy").Exit == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Exit, string Output, string Error) Exec(string python, string code)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
