namespace Headway.App.Partners;

/// <summary>The latest notes the user's partners left them (comments, cheers, nudges, verified outcomes), newest first.</summary>
public static class ListNotes
{
    public static Task<List<PartnerNote>> RunAsync(PlannerSession s, CancellationToken ct) => ViewPerson.NotesAsync(s, "1 = 1", ct);
}
