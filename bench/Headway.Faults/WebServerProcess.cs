using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Headway.Faults;

/// <summary>
/// One real <c>headway-web</c> process on a loopback port of its own, started, killed with SIGKILL and started again
/// on the same port and database. Everything it prints is kept (with which start it came from), so that a run can
/// search it for errors such as "database is locked".
/// </summary>
public sealed class WebServerProcess : IAsyncDisposable
{
    private readonly string _executable;
    private readonly string _database;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <param name="executable">The <c>headway-web</c> apphost (a build or a publish folder).</param>
    /// <param name="database">A SQLite path or a PostgreSQL connection string, handed over as HEADWAY_DATABASE.</param>
    /// <param name="settings">Extra configuration as environment variables (<c>Api__RequestsPerMinute</c>, ...).</param>
    public WebServerProcess(string executable, string database, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"headway-web is not at {executable}: build it first (dotnet build src/Headway.Web -c Release).", executable);
        }

        _executable = executable;
        _database = database;
        _settings = settings ?? new Dictionary<string, string>();
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What every start of the server printed so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the process without waiting for it to answer: clients retry until it does.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The server is already running.");
        }

        _process?.Dispose();
        var start = new ProcessStartInfo(_executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The folder of the build, as in a published install: appsettings.json and the static assets sit there.
            WorkingDirectory = Path.GetDirectoryName(_executable)!,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["HEADWAY_DATABASE"] = _database;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in _settings)
        {
            start.Environment[name] = value;
        }

        Starts++;
        var run = Starts;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(run, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(run, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{_executable} could not be started.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Starts the server and waits until it answers HTTP (any status), failing if it exits first.</summary>
    public async Task StartAndWaitAsync(CancellationToken ct)
    {
        Start();
        await WaitUntilAnsweringAsync(ct);
    }

    public async Task WaitUntilAnsweringAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"headway-web exited while starting:\n{Tail(Log)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("account/sign-in", UriKind.Relative), ct);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, ct);
            }
        }
    }

    /// <summary>SIGKILL: the process dies at once, mid-request or mid-transaction, with no shutdown code run.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _process = null;
    }

    private void Keep(int run, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Append('[').Append(run).Append("] ").AppendLine(line);
        }
    }

    internal static string Tail(string text, int chars = 4000) => text.Length <= chars ? text : text[^chars..];

    /// <summary>A loopback port nothing listens on now (bound to port 0, then released for the server to take).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
