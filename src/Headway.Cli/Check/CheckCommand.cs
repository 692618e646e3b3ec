using System.CommandLine;
using System.Text;
using Headway.App.Json;
using Headway.Cli.Hosting;
using Headway.Core;
using Headway.Core.Analysis;

namespace Headway.Cli.Check;

/// <summary><c>headway check TEXT</c> or <c>headway check --file FILE|-</c>: the analyzer's verdict, without saving anything.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext cli)
    {
        var text = new Argument<string?>("text") { Description = "The action to judge, e.g. \"write 1,000 words for chapter 4 by fri\".", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file", "-f") { Description = "Judge every non-empty line of FILE (- for standard input): one output line per input line, in order." };
        var json = new Option<bool>("--json") { Description = "Print JSON (JSON Lines with --file)." };
        var command = new Command("check", "Judge an action: meaningful or passive, with the evidence, the outcome and a suggested rewrite.") { text, file, json };
        command.SetAction(async (parse, ct) =>
        {
            var value = parse.GetValue(text);
            var path = parse.GetValue(file);
            if ((value is null) == (path is null))
            {
                return cli.Fail(ErrorKind.Invalid, "Give either the action's text or --file FILE (- for standard input), not both.");
            }

            if (path is not null)
            {
                return await CheckFileAsync(cli, path, parse.GetValue(json), ct);
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                return cli.Fail(ErrorKind.Invalid, "The action is empty: type the action to judge.");
            }

            var analysis = ActionAnalyzer.Analyze(value);
            if (parse.GetValue(json))
            {
                cli.WriteJson(analysis.ToJson(), HeadwayJsonContext.Default.AnalysisJson);
            }
            else
            {
                AnalysisView.Render(cli.Env.Console, analysis);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> CheckFileAsync(CliContext cli, string path, bool json, CancellationToken ct)
    {
        TextReader reader;
        if (path == "-")
        {
            reader = cli.Env.In;
        }
        else if (!File.Exists(path))
        {
            return cli.Fail(ErrorKind.NotFound, $"There is no file '{CliContext.Shorten(path)}': check the path.");
        }
        else
        {
            // Streaming: one line in memory at a time, whatever the file's size. Invalid UTF-8 becomes U+FFFD.
            reader = new StreamReader(path, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        }

        try
        {
            var output = cli.Env.Out;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var analysis = ActionAnalyzer.Analyze(line);
                if (json)
                {
                    output.WriteLine(System.Text.Json.JsonSerializer.Serialize(analysis.ToJson(), HeadwayJsonContext.Default.AnalysisJson));
                }
                else
                {
                    output.WriteLine(AnalysisView.Line(analysis));
                }
            }
        }
        finally
        {
            if (!ReferenceEquals(reader, cli.Env.In))
            {
                reader.Dispose();
            }
        }

        return ExitCodes.Ok;
    }
}
