namespace IdcRepro.Config;

/// <summary>
/// A config section with rules across its keys (say, <c>path</c> is needed when <c>source</c> is zip).
/// </summary>
public interface ISelfValidating
{
    /// <summary>Problems as (key relative to this section, message); empty when valid.</summary>
    IEnumerable<(string Key, string Message)> Validate();
}
