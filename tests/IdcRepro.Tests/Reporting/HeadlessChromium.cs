using System.Diagnostics;

namespace IdcRepro.Tests.Reporting;

/// <summary>
/// Debian's Chromium (<c>apt-get install -y chromium</c>) run headless on a local file: nothing is downloaded, a
/// fresh profile each time, networking features off.
/// </summary>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>Fails the test, saying how to install Chromium, when it is missing.</summary>
    public static void Require()
    {
        if (!File.Exists(Executable))
            Assert.Fail($"{Executable} not found: the browser tests need Debian's Chromium. Install it with " +
                "`apt-get update && apt-get install -y chromium`.");
    }

    /// <summary>
    /// Runs Chromium on <paramref name="page"/> with the extra arguments; returns its standard output.
    /// </summary>
    public static string Run(string page, params string[] arguments)
    {
        Require();
        var profile = Directory.CreateTempSubdirectory("idc-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--hide-scrollbars", $"--user-data-dir={profile.FullName}",
            }) start.ArgumentList.Add(a);
            foreach (var a in arguments) start.ArgumentList.Add(a);
            start.ArgumentList.Add(new Uri(Path.GetFullPath(page)).AbsoluteUri);

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within 120 s on {page}.");
            }
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            try { profile.Delete(recursive: true); }
            catch (IOException) { }
        }
    }
}
