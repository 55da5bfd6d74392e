using IdcRepro.Sweeps;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// How a job starts idc: the profile's <c>program</c> (e.g. a published CUDA build), else this very program, by
/// absolute paths (<c>dotnet /repo/src/IdcRepro.Cli/bin/Release/net10.0/idc.dll</c>), so that a job finds it from any
/// folder; on a cluster the repository (and the dotnet it uses) must be on storage every node mounts.
/// </summary>
internal static class IdcProgram
{
    public static IReadOnlyList<string> Words(SweepProfile profile)
    {
        if (profile.Program is { } program) return program.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var process = Environment.ProcessPath ?? "dotnet";
        var host = Path.GetFileNameWithoutExtension(process);
        return host == "dotnet" ? [process, typeof(IdcApp).Assembly.Location] : [process];
    }
}
