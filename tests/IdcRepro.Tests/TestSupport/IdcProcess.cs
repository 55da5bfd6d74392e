using System.Diagnostics;

namespace IdcRepro.Tests.TestSupport;

/// <summary>What one run of the <c>idc</c> program gave: its exit code and everything it wrote.</summary>
public sealed record IdcOutcome(int ExitCode, string Output, string Error)
{
    /// <summary>The non-empty lines written to stderr.</summary>
    public IReadOnlyList<string> ErrorLines =>
        Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Runs the built <c>idc</c> program (idc.dll, copied beside the tests) as a child process, as a user or the Cake
/// script does: its own working directory, environment and console, so its exit code and stderr are the real ones.
/// </summary>
public static class IdcProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "idc.dll");

    public static IdcOutcome Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static IdcOutcome Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        params string[] args) =>
        Start(workingDirectory, environment, ["dotnet", Dll, .. args]);

    /// <summary>Runs idc with a longer limit than the usual 3 minutes (a sweep that waits for its jobs).</summary>
    public static IdcOutcome Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        TimeSpan limit, params string[] args) =>
        Start(workingDirectory, environment, ["dotnet", Dll, .. args], limit);

    /// <summary>
    /// Runs idc where it can find no installed font, as on a headless server: in a mount namespace of its own with an
    /// empty /usr/share/fonts (SkiaSharp's Linux build reads fonts from there) and an empty fontconfig set-up. Where
    /// that cannot be arranged (no unshare, not root), idc runs plainly and <c>FontsHidden</c> says so.
    /// </summary>
    public static (IdcOutcome Outcome, bool FontsHidden) RunWithoutFonts(string workingDirectory, params string[] args)
    {
        var config = Path.Combine(workingDirectory, "no-fonts.conf");
        File.WriteAllText(config,
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig></fontconfig>\n");
        var environment = new Dictionary<string, string> { ["FONTCONFIG_FILE"] = config };
        const string fonts = "/usr/share/fonts";
        const string hide = $"mount -t tmpfs -o size=1m tmpfs {fonts} && [ -z \"$(ls -A {fonts})\" ]";
        if (!Directory.Exists(fonts)) return (Start(workingDirectory, environment, ["dotnet", Dll, .. args]), true);
        if (CanRun(["unshare", "-m", "sh", "-c", hide]))
            return (Start(workingDirectory, environment,
                ["unshare", "-m", "sh", "-c", $"{hide} && exec dotnet \"$@\"", "sh", Dll, .. args]), true);
        return (Start(workingDirectory, environment, ["dotnet", Dll, .. args]), false);
    }

    private static bool CanRun(string[] command)
    {
        try
        {
            return Start(Path.GetTempPath(), null, command).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static IdcOutcome Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        string[] command, TimeSpan? limit = null)
    {
        var timeout = limit ?? TimeSpan.FromMinutes(3);
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command[1..]) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} ran for over {timeout.TotalMinutes:0.#} minutes");
        }
        process.WaitForExit();
        return new IdcOutcome(process.ExitCode, output.Result, error.Result);
    }
}
