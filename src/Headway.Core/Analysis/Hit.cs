namespace Headway.Core.Analysis;

/// <summary>A signal found while scanning, before it becomes a <see cref="Signal"/>; offsets are char positions.</summary>
internal struct Hit
{
    public SignalCode Code;
    public int From;
    public int To;
    public int Weight;
    public int Clause;

    /// <summary>A passive action that counts half when another clause of the same text is a meaningful action.</summary>
    public bool Halvable;

    /// <summary>Token index of the verb, of the object phrase start and end (exclusive), of the owner ("Maya's"), or -1.</summary>
    public int Verb;
    public int ObjectStart;
    public int ObjectEnd;
    public int ObjectHead;
    public int Owner;
    public ObjKind Objects;
}
