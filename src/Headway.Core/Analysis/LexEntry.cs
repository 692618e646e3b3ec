namespace Headway.Core.Analysis;

/// <summary>What an action verb does when nothing in its object or particle changes it.</summary>
internal enum Act : byte
{
    None,
    Creation,
    Outreach,
    Exposure,
    Commitment,
    Practice,
    Completion,
    Consumption,
    Acquisition,
    Intention,
    Preparation,
    PassiveConnection,
    Polishing,
    Vague,
}

/// <summary>Verbs whose meaning depends on their particle or object ("sign up" vs "sign the lease").</summary>
internal enum Resolver : byte
{
    None, Buy, Download, Get, SignUp, Sign, Make, Plan, Organize, Read, Play, Go, Attend, Join, Add, Give, Set, Do,
    Take, Tell, Write, Share, Send, Save, Follow, Look, Work, Check, Learn, Update, Run, Submit, Install, Pick, Pay,
    Visit, See, Have, Find, Collect, Prepare, Try, File, Enter, Review, Start, Color, Sketch, Think, Invest, Connect,
    Edit, Catch, Reach, Clean, List, Meet,
}

[Flags]
internal enum WordClass : uint
{
    None = 0,
    Determiner = 1 << 0,
    Preposition = 1 << 1,
    Conjunction = 1 << 2,
    Pronoun = 1 << 3,
    Filler = 1 << 4,
    TimeWord = 1 << 5,
    Weekday = 1 << 6,
    Month = 1 << 7,
    LabelNoun = 1 << 8,
    Quantifier = 1 << 9,
    IntentionCue = 1 << 10,
    PolishCue = 1 << 11,
    Negation = 1 << 12,
    Reflexive = 1 << 13,
    NotUnit = 1 << 14,
    DeadlinePrep = 1 << 15,
    Relative = 1 << 16,
    VagueCue = 1 << 17,
    NoFollowUp = 1 << 18,
    WeakWeekday = 1 << 19,
    Possessive = 1 << 20,
    DateLead = 1 << 21,
}

[Flags]
internal enum ObjKind : uint
{
    None = 0,
    Media = 1 << 0,
    Social = 1 << 1,
    Goods = 1 << 2,
    Software = 1 << 3,
    PlanArtifact = 1 << 4,
    Event = 1 << 5,
    Group = 1 << 6,
    Money = 1 << 7,
    Registration = 1 << 8,
    Subscription = 1 << 9,
    Document = 1 << 10,
    Work = 1 << 11,
    Person = 1 << 12,
    Course = 1 << 13,
    Exam = 1 << 14,
    Food = 1 << 15,
    Game = 1 << 16,
    Platform = 1 << 17,
    PracticePlace = 1 << 18,
    Possessions = 1 << 19,
    Response = 1 << 20,
    Exercise = 1 << 21,
    Appointment = 1 << 22,
    Meal = 1 << 23,
    Store = 1 << 24,
    Deadline = 1 << 25,
    Venue = 1 << 26,
    Goal = 1 << 27,
    Chore = 1 << 28,
    Info = 1 << 29,
    Investment = 1 << 30,
}

internal enum NumRole : byte
{
    None,
    Ones,
    Tens,
    Hundred,
    Thousand,
    Million,
    Dozen,
    Couple,
    Half,
    Article,
}

internal enum UnitKind : byte
{
    None,
    Duration,
    Distance,
    Count,
}

/// <summary>Everything the analyzer knows about one word form.</summary>
internal sealed class LexEntry(
    string key, Act verb, Resolver resolver, WordClass classes, ObjKind objects, Act activity,
    NumRole numRole, double number, string? unit, UnitKind unitKind)
{
    public string Key { get; } = key;
    public Act Verb { get; } = verb;
    public Resolver Resolver { get; } = resolver;
    public WordClass Classes { get; } = classes;
    public ObjKind Objects { get; } = objects;

    /// <summary>What the word means when it heads a to-do as a noun ("gym", "mtg w/ Sam").</summary>
    public Act Activity { get; } = activity;

    public NumRole NumRole { get; } = numRole;
    public double Number { get; } = number;

    /// <summary>The normalized unit when this word is a known unit ("hrs" → "hours").</summary>
    public string? Unit { get; } = unit;

    public UnitKind UnitKind { get; } = unitKind;

    public bool Is(WordClass c) => (Classes & c) != 0;

    public bool Is(ObjKind k) => (Objects & k) != 0;
}
