using System.Globalization;
using Headway.Core.Analysis;
using Headway.Core.Formats;
using Headway.Core.Reviews;
using static Headway.Core.Reviews.ReviewText;

namespace Headway.Core.Audits;

/// <summary>
/// Builds a <see cref="BacklogAudit"/> from items fed one at a time. Each item's text goes through
/// <see cref="ActionAnalyzer.Analyze(string)"/> and is then forgotten: only counters, per-project counters, the
/// <c>top</c> worst passive items and a few examples per cause are kept, so memory does not grow with the file
/// (projects are tracked up to <see cref="MaxProjects"/>, issues kept up to <see cref="MaxIssuesKept"/>).
/// </summary>
/// <param name="asOf">Now, in UTC: how long a risky item has been left open is measured from it.</param>
/// <param name="top">How many of the worst passive items to keep.</param>
/// <param name="completionsKnown">
/// False when the source never exports finished work (a Todoist project export, a plain list): then having no
/// completions is not evidence of anything.
/// </param>
public sealed class AuditCalculator(DateTime asOf, int top = 10, bool completionsKnown = true)
{
    /// <summary>Distinct projects tracked; items of further projects are counted under "(other projects)".</summary>
    public const int MaxProjects = 10_000;

    /// <summary>Issues kept for the report (all are counted).</summary>
    public const int MaxIssuesKept = 100;

    /// <summary>Days after which an open outreach or exposure item counts as being put off.</summary>
    public const int StaleDays = 30;

    internal const string OtherProjects = "(other projects)";

    private const int Examples = 3;
    private const int MaxQuotedChars = 200;

    // Project and list names that sort work by place or kind, not by what it is for.
    private static readonly HashSet<string> NotGoals = new(StringComparer.OrdinalIgnoreCase)
    {
        "inbox", "personal", "work", "home", "misc", "miscellaneous", "other", "errands", "someday", "someday/maybe", "maybe",
        "todo", "to do", "to-do", "tasks", "my tasks", "default", "general", "chores", "shopping", "reminders", "welcome",
        "getting started", "next", "next actions", "later", "backlog", "ideas", "stuff", "life", "admin", "list", "today",
    };

    private readonly int[] _signals = new int[Enum.GetValues<SignalCode>().Length];
    private readonly Dictionary<string, int[]> _projects = new(StringComparer.Ordinal);
    private readonly int[] _noProject = new int[5];
    private readonly PriorityQueue<AuditedItem, (int Rank, int Score, int Line)> _worst =
        new(Comparer<(int Rank, int Score, int Line)>.Create((a, b) => b.CompareTo(a)));

    private readonly List<string> _unalignedExamples = [];
    private readonly List<string> _preparingExamples = [];
    private readonly List<string> _fearSentences = [];
    private readonly List<ReadIssue> _unreadable = [];
    private readonly List<ReadIssue> _warnings = [];
    private int _items, _open, _done, _dropped, _meaningful, _passive, _withoutOutcome;
    private int _preparing, _risky, _riskyDone, _riskyAvoided, _goalLikeProjects;
    private int _unreadableCount, _warningCount;

    /// <summary>Counts one item.</summary>
    public void Add(ImportedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.IsRecurrenceTemplate)
        {
            return;
        }

        Add(item, ActionAnalyzer.Analyze(item.Text, suggest: false));
    }

    /// <summary>
    /// Counts every result of a reader, in order, judging the items' texts on the other cores while the calling thread
    /// reads: the audit is exactly the one that adding the results one by one would give. Results are taken in
    /// batches of <see cref="BatchSize"/>, and at most a few batches per core are in flight, so memory stays bounded.
    /// </summary>
    /// <param name="results">The reader's results.</param>
    /// <param name="afterBatch">Called on the calling thread after each batch is read (to show progress), or null.</param>
    /// <param name="workers">Batches judged at once; 1 judges on the calling thread. Defaults to the processor count.</param>
    /// <param name="cancellationToken">Checked after each batch.</param>
    public void AddAll(IEnumerable<ReadResult> results, Action? afterBatch = null, int workers = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        workers = workers > 0 ? workers : Environment.ProcessorCount;
        if (workers == 1)
        {
            var n = 0;
            foreach (var result in results)
            {
                Add(result);
                if (++n == BatchSize)
                {
                    n = 0;
                    afterBatch?.Invoke();
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            return;
        }

        // Batches are judged on the thread pool, and each is merged once it is judged and the one before it merged: in
        // reading order, one at a time, off this thread, which only reads. Merged batches are reused.
        var pending = new Queue<(Batch Batch, Task Merged)>();
        var free = new Stack<Batch>();
        var merged = Task.CompletedTask;
        var batch = new Batch();
        foreach (var result in results)
        {
            if (!batch.Add(result))
            {
                continue;
            }

            merged = Chain(batch, merged);
            pending.Enqueue((batch, merged));
            while (pending.Count > 2 * workers || (pending.Count > 0 && pending.Peek().Merged.IsCompleted))
            {
                var (done, task) = pending.Dequeue();
                task.GetAwaiter().GetResult();
                free.Push(done);
            }

            batch = free.Count > 0 ? free.Pop() : new Batch();
            afterBatch?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
        }

        Chain(batch, merged).GetAwaiter().GetResult();
    }

    private Task Chain(Batch batch, Task previous)
    {
        var analyzed = Task.Run(batch.Analyze);
        return Task.WhenAll(analyzed, previous).ContinueWith(
            t =>
            {
                t.GetAwaiter().GetResult();
                Merge(batch);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Results per batch of <see cref="AddAll"/>.</summary>
    public const int BatchSize = 512;

    private void Merge(Batch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var result = batch.Results[i];
            if (batch.Analyses[i] is { } analysis)
            {
                Add(result.Item!, analysis);
            }
            else if (result.Issue is { } issue)
            {
                Add(issue);
            }
        }

        batch.Clear();
    }

    /// <summary>Up to <see cref="BatchSize"/> results and, for the items to count, their analyses.</summary>
    private sealed class Batch
    {
        public readonly ReadResult[] Results = new ReadResult[BatchSize];
        public readonly ActionAnalysis?[] Analyses = new ActionAnalysis?[BatchSize];

        public int Count { get; private set; }

        // True when the batch is full.
        public bool Add(ReadResult result)
        {
            Results[Count++] = result;
            return Count == BatchSize;
        }

        public void Clear()
        {
            Array.Clear(Results, 0, Count);
            Array.Clear(Analyses, 0, Count);
            Count = 0;
        }

        public void Analyze()
        {
            for (var i = 0; i < Count; i++)
            {
                if (Results[i].Item is { IsRecurrenceTemplate: false } item)
                {
                    Analyses[i] = ActionAnalyzer.Analyze(item.Text, suggest: false);
                }
            }
        }
    }

    private void Add(ImportedItem item, ActionAnalysis analysis)
    {
        var meaningful = analysis.Verdict == Verdict.Meaningful;
        _items++;
        switch (item.Status)
        {
            case ItemStatus.Done:
                _done++;
                break;
            case ItemStatus.Dropped:
                _dropped++;
                break;
            default:
                _open++;
                break;
        }

        if (meaningful)
        {
            _meaningful++;
        }
        else
        {
            _passive++;
        }

        if (analysis.Outcome is null)
        {
            _withoutOutcome++;
        }

        var seen = 0;
        foreach (var signal in analysis.Signals)
        {
            var bit = 1 << (int)signal.Code;
            if ((seen & bit) == 0)
            {
                seen |= bit;
                _signals[(int)signal.Code]++;
            }
        }

        CountProject(item, meaningful);
        if ((seen & ((1 << (int)SignalCode.Preparation) | (1 << (int)SignalCode.Polishing))) != 0)
        {
            _preparing++;
            Example(_preparingExamples, item.Text);
        }

        if (item.Project is null)
        {
            Example(_unalignedExamples, item.Text);
        }

        if (analysis.IsStretch)
        {
            CountRisk(item);
        }

        if (!meaningful)
        {
            KeepWorst(item, analysis);
        }
    }

    /// <summary>Counts one issue met while reading.</summary>
    public void Add(ReadIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Skipped)
        {
            _unreadableCount++;
            if (_unreadable.Count < MaxIssuesKept)
            {
                _unreadable.Add(issue);
            }
        }
        else
        {
            _warningCount++;
            if (_warnings.Count < MaxIssuesKept)
            {
                _warnings.Add(issue);
            }
        }
    }

    /// <summary>Counts one reader result (an item or an issue).</summary>
    public void Add(ReadResult result)
    {
        if (result.Item is { } item)
        {
            Add(item);
        }
        else if (result.Issue is { } issue)
        {
            Add(issue);
        }
    }

    /// <summary>The audit of everything added so far.</summary>
    public BacklogAudit Build()
    {
        var judged = _meaningful + _passive;
        var signals = Enum.GetValues<SignalCode>()
            .Where(c => _signals[(int)c] > 0)
            .OrderByDescending(c => _signals[(int)c]).ThenBy(c => c)
            .Select(c => KeyValuePair.Create(c.ToCode(), _signals[(int)c]))
            .ToList();
        var worst = _worst.UnorderedItems
            .OrderBy(x => x.Priority)
            .Select(x => x.Element)
            .ToList();
        var projects = _projects
            .Select(p => new ProjectAudit(p.Key, p.Value[0], p.Value[1], p.Value[2], p.Value[3], p.Value[4]))
            .Append(new ProjectAudit(null, _noProject[0], _noProject[1], _noProject[2], _noProject[3], _noProject[4]))
            .Where(p => p.Items > 0)
            .OrderByDescending(p => p.Items).ThenBy(p => p.Name is null).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        Diagnosis[] diagnosis = [NoGoals(), Perfectionism(), Fear()];
        return new BacklogAudit(
            _items, _open, _done, _dropped, _meaningful, _passive, judged == 0 ? 0 : Math.Round((double)_passive / judged, 4),
            _withoutOutcome, signals, worst,
            [.. diagnosis.OrderByDescending(d => d.Score).ThenBy(d => d.Cause)],
            projects, [.. _unreadable], _unreadableCount, [.. _warnings], _warningCount);
    }

    private void CountProject(ImportedItem item, bool meaningful)
    {
        int[] counts;
        if (item.Project is null)
        {
            counts = _noProject;
        }
        else if (!_projects.TryGetValue(item.Project, out counts!))
        {
            var name = _projects.Count < MaxProjects ? item.Project : OtherProjects;
            if (!_projects.TryGetValue(name, out counts!))
            {
                counts = new int[5];
                _projects[name] = counts;
                if (name != OtherProjects && !NotGoals.Contains(name.Trim()))
                {
                    _goalLikeProjects++;
                }
            }
        }

        // items, open, done, meaningful, passive
        counts[0]++;
        if (item.Status == ItemStatus.Open)
        {
            counts[1]++;
        }
        else if (item.Status == ItemStatus.Done)
        {
            counts[2]++;
        }

        counts[meaningful ? 3 : 4]++;
    }

    private void CountRisk(ImportedItem item)
    {
        _risky++;
        bool avoided;
        if (item.Status == ItemStatus.Done)
        {
            _riskyDone++;
            avoided = false;
        }
        else
        {
            avoided = item.Status == ItemStatus.Dropped || (item.CreatedAt is { } created && (asOf - created).TotalDays >= StaleDays);
        }

        if (!avoided)
        {
            return;
        }

        _riskyAvoided++;
        if (_fearSentences.Count < Examples)
        {
            // Written only for the examples kept: the rest are counted.
            _fearSentences.Add(item.Status == ItemStatus.Dropped
                ? $"{Quote(item.Text)} was dropped."
                : string.Create(CultureInfo.InvariantCulture,
                    $"{Quote(item.Text)} has been open since {Date(DateOnly.FromDateTime(item.CreatedAt!.Value))} ({(int)(asOf - item.CreatedAt!.Value).TotalDays} days)."));
        }
    }

    private void KeepWorst(ImportedItem item, ActionAnalysis analysis)
    {
        if (top <= 0)
        {
            return;
        }

        // Open items first: a rewrite helps most for work still ahead.
        var key = (item.Status == ItemStatus.Open ? 0 : 1, analysis.Score, item.Line);
        if (_worst.Count >= top && _worst.TryPeek(out _, out var least) && key.CompareTo(least) >= 0)
        {
            return;
        }

        // The signal codes in text order, without repeats: made only for the items kept.
        var codes = new List<string>(analysis.Signals.Count);
        var seen = 0;
        foreach (var signal in analysis.Signals)
        {
            var bit = 1 << (int)signal.Code;
            if ((seen & bit) == 0)
            {
                seen |= bit;
                codes.Add(signal.Code.ToCode());
            }
        }

        var text = item.Text.Length <= MaxQuotedChars ? item.Text : string.Concat(item.Text.AsSpan(0, MaxQuotedChars - 1), "…");
        // Suggestions are written only for the few items that make the list (see ActionAnalyzer.Analyze(text, suggest)).
        var suggestion = analysis.Suggestion ?? (analysis.Verdict == Verdict.Passive ? ActionAnalyzer.Analyze(item.Text).Suggestion : null);
        _worst.Enqueue(new AuditedItem(item.Line, text, analysis.Score, codes, suggestion, item.Project, item.Status), key);
        if (_worst.Count > top)
        {
            _worst.Dequeue();
        }
    }

    private static void Example(List<string> examples, string text)
    {
        if (examples.Count < Examples + 1)
        {
            examples.Add(text.Length <= MaxQuotedChars ? text : text[..MaxQuotedChars]);
        }
    }

    private Diagnosis NoGoals()
    {
        var evidence = new List<string>();
        var score = 0;
        var unaligned = _noProject[0];
        if (unaligned > 0)
        {
            score += Part(50, unaligned, _items);
            evidence.Add($"{Share(unaligned, _items)} of the items belong to no project or list: {Some(_unalignedExamples, unaligned)}.");
        }

        if (_items > 0 && _projects.Count == 0)
        {
            score += 30;
            evidence.Add("Nothing is grouped under a project or list, so nothing says what the work is for.");
        }
        else if (_items > 0 && _goalLikeProjects == 0)
        {
            score += 30;
            var names = string.Join(", ", _projects.Keys.Take(3).Select(Quote));
            evidence.Add($"None of the projects or lists reads as a goal ({names}): they sort work by place or kind, not by what it is for.");
        }

        return new Diagnosis(Cause.NoGoals, Math.Min(100, score), evidence);
    }

    private Diagnosis Perfectionism()
    {
        var evidence = new List<string>();
        var score = 0;
        if (_preparing > 0)
        {
            score += Part(60, _preparing, _items);
            evidence.Add($"{Share(_preparing, _items)} of the items are preparing or polishing: {Some(_preparingExamples, _preparing)}.");
        }

        if (completionsKnown && _open >= Diagnoser.ManyPlans && _done * 3 < _open)
        {
            score += 25;
            evidence.Add($"{Plural(_open, "item is", "items are")} open and {_done} done: plans without completions.");
        }

        return new Diagnosis(Cause.Perfectionism, Math.Min(100, score), evidence);
    }

    private Diagnosis Fear()
    {
        var evidence = new List<string>(_fearSentences);
        var score = Math.Min(75, 25 * _riskyAvoided);
        if (_riskyAvoided > _fearSentences.Count)
        {
            evidence.Add(string.Create(CultureInfo.InvariantCulture,
                $"{_riskyAvoided - _fearSentences.Count} more outreach or exposure items were left open over {StaleDays} days or dropped."));
        }

        if (completionsKnown && _items > 0 && _riskyDone == 0)
        {
            score += 25;
            evidence.Add(_risky == 0
                ? "No item asks anyone for anything or puts work in front of people: nothing outside your comfort zone."
                : "No outreach or exposure item was ever completed: nothing outside your comfort zone got done.");
        }

        return new Diagnosis(Cause.Fear, Math.Min(100, score), evidence);
    }

    private static string Some(List<string> examples, int total) =>
        total > examples.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", examples.Take(Examples).Select(Quote))} and {total - Math.Min(Examples, examples.Count)} more")
            : QuoteSome(examples);

    // Rounded up so that any evidence at all gives a score above 0 (as in the review's diagnosis).
    private static int Part(int weight, int part, int whole) =>
        whole == 0 ? 0 : (int)Math.Ceiling((double)weight * part / whole);
}
