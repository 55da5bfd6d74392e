using IdcRepro.Cli;
using Spectre.Console;

// Logs (CI, Cake, a file) should not wrap at Spectre's default 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;

return IdcApp.Run(args, Console.Error);
