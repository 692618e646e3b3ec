namespace Headway.Core.Formats;

/// <summary>The backlog formats Headway reads (docs/formats.md).</summary>
public enum TaskFormat
{
    /// <summary>Taskwarrior's <c>task export</c>: a JSON array, or one JSON object per line.</summary>
    Taskwarrior,

    /// <summary>todo.txt: one task per line with <c>x</c>, <c>(A)</c>, dates, <c>+project</c>, <c>@context</c>, <c>key:value</c>.</summary>
    TodoTxt,

    /// <summary>Todoist's CSV export and import template.</summary>
    Todoist,

    /// <summary>TickTick's CSV backup.</summary>
    TickTick,

    /// <summary>iCalendar (RFC 5545) VTODO components.</summary>
    ICalendar,

    /// <summary>Plain text: one action per line.</summary>
    PlainText,
}

/// <summary>Names of <see cref="TaskFormat"/> on the command line and in JSON.</summary>
public static class TaskFormats
{
    /// <summary>The names accepted by <c>--format</c>, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["taskwarrior", "todotxt", "todoist", "ticktick", "ical", "text"];

    /// <summary>The command-line name: <c>taskwarrior</c>, <c>todotxt</c>, <c>todoist</c>, <c>ticktick</c>, <c>ical</c>, <c>text</c>.</summary>
    public static string Name(this TaskFormat format) => Names[(int)format];

    /// <summary>Parses a command-line name (case-insensitive; <c>todo.txt</c>, <c>ics</c>, <c>icalendar</c>, <c>plain</c> also accepted).</summary>
    public static bool TryParse(string? text, out TaskFormat format)
    {
        var name = text?.Trim().ToLowerInvariant();
        int index = name switch
        {
            "todo.txt" => (int)TaskFormat.TodoTxt,
            "ics" or "icalendar" or "vtodo" => (int)TaskFormat.ICalendar,
            "plain" or "txt" => (int)TaskFormat.PlainText,
            "json" => (int)TaskFormat.Taskwarrior,
            null => -1,
            _ => Names.ToList().IndexOf(name),
        };
        format = index < 0 ? default : (TaskFormat)index;
        return index >= 0;
    }
}
