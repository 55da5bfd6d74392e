using System.ComponentModel;
using System.Text.Json;
using IdcRepro.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// Prints the graph as declared (<see cref="Graph"/>): what each stage reads and writes. The Cake script reads its
/// JSON.
/// </summary>
public sealed class GraphCommand : Command<GraphCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        switch (settings.Format)
        {
            case "json":
                Console.Out.WriteLine(JsonSerializer.Serialize(Graph.Stages.Select(s => new
                {
                    name = s.Name,
                    version = s.Version,
                    section = s.SectionName.Length == 0 ? "(whole config)" : s.SectionName,
                    reads = s.Reads.Where(r => r.Scope == ReadScope.Run).Select(r => r.Stage.Name).ToList(),
                    reads_every_run = s.Reads.Where(r => r.Scope == ReadScope.Family).Select(r => r.Stage.Name)
                        .ToList(),
                    outputs = s.Outputs,
                    summary = s.Summary,
                }), new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            case "table":
                var table = new Table().AddColumns("stage", "version", "section", "reads", "writes");
                foreach (var s in Graph.Stages)
                    table.AddRow(s.Name, s.Version.ToString(), s.SectionName.Length == 0 ? "(whole config)"
                        : s.SectionName,
                        s.Reads.Count == 0 ? "(the data source)" : string.Join(", ", s.Reads),
                            string.Join(", ", s.Outputs));
                AnsiConsole.Write(table);
                return 0;
            default:
                throw new Config.ConfigException($"graph: unknown --format '{settings.Format}'. Allowed: table, json.");
        }
    }
}
