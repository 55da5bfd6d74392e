using System.Reflection;

namespace IdcRepro.Pipeline;

/// <summary>
/// The build that made an artifact (version and git commit, recorded in every stamp). Cache keys use each
/// stage's own version number instead, so a commit that does not touch a stage does not invalidate its outputs.
/// </summary>
public static class CodeVersion
{
    public static string Current { get; } =
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "unknown";
}
