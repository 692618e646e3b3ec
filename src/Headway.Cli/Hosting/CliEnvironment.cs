using Spectre.Console;

namespace Headway.Cli.Hosting;

/// <summary>
/// Everything the command line touches outside itself: streams, terminal facts, environment variables and the clock.
/// Tests build one over string writers and a fake clock.
/// </summary>
public sealed class CliEnvironment
{
    private readonly Lazy<IAnsiConsole> _console;

    public CliEnvironment(
        TextWriter output, TextWriter error, TextReader input, TimeProvider clock, Func<string, string?> variables,
        bool inputIsTerminal = false, bool outputIsTerminal = false)
    {
        Out = output;
        Error = error;
        In = input;
        Clock = clock;
        Variables = variables;
        InputIsTerminal = inputIsTerminal;
        OutputIsTerminal = outputIsTerminal;
        // Built on first use: commands that print only JSON or one line never pay for Spectre.Console's set-up.
        _console = new Lazy<IAnsiConsole>(() =>
        {
            // Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
            var color = outputIsTerminal && string.IsNullOrEmpty(variables("NO_COLOR"));
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
                ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = inputIsTerminal && outputIsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
                Out = new AnsiConsoleOutput(output),
            });
            if (!outputIsTerminal)
            {
                // Piped output is read by programs and pagers: never wrap a sentence mid-way.
                console.Profile.Width = 4096;
            }

            return console;
        });
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TextReader In { get; }

    public TimeProvider Clock { get; }

    public Func<string, string?> Variables { get; }

    public bool InputIsTerminal { get; }

    public bool OutputIsTerminal { get; }

    /// <summary>True when a person can answer a prompt.</summary>
    public bool IsInteractive => InputIsTerminal && OutputIsTerminal;

    public IAnsiConsole Console => _console.Value;

    public static CliEnvironment FromProcess()
    {
        var stdout = new StreamWriter(System.Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var stderr = new StreamWriter(System.Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        var stdin = new StreamReader(System.Console.OpenStandardInput(), System.Text.Encoding.UTF8, false, 1 << 16);
        return new CliEnvironment(stdout, stderr, stdin, TimeProvider.System, Environment.GetEnvironmentVariable,
            !System.Console.IsInputRedirected, !System.Console.IsOutputRedirected);
    }

    /// <summary>Asks one question on the terminal; null at end of input.</summary>
    public string? Ask(string question)
    {
        Out.Write(question);
        Out.Write(' ');
        Out.Flush();
        return In.ReadLine();
    }
}
