namespace IdcRepro.Sweeps;

/// <summary>Quotes one word for bash: left bare when it is plain, else in single quotes.</summary>
public static class ShellWord
{
    public static string Quote(string word) =>
        word.Length > 0
            && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',' or '+'
            or '@' or '%')
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}
