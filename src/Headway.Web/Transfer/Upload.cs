using Headway.App.Transfer;
using Headway.Core;

namespace Headway.Web.Transfer;

/// <summary>An uploaded backlog that passed the checks: not empty, not too large, a known format and projects choice.</summary>
public sealed record Upload(IFormFile File, string Name, ImportFormat Format, ProjectsAs Projects)
{
    /// <summary>The largest upload taken: an import holds every item until its one commit, and a page should answer fast.</summary>
    public const int MaxMegabytes = 10;

    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;

    public static Result<Upload> Check(IFormFile? file, string? format, string? projects)
    {
        if (file is null || file.Length == 0)
        {
            return Error.Invalid("Choose a file to upload: the one you exported from your other tool.");
        }

        if (file.Length > MaxBytes)
        {
            return Error.Invalid(
                $"The file is {file.Length / (1024.0 * 1024.0):0.#} MB, more than the {MaxMegabytes} MB an upload takes: use `headway audit` or `headway import` on it instead.");
        }

        if (!ImportFormat.TryParse(format, out var chosen))
        {
            return Error.Invalid("Pick a format from the list, or let Headway detect it.");
        }

        ProjectsAs? asWhat = projects?.Trim().ToLowerInvariant() switch
        {
            null or "" or "goals" => ProjectsAs.Goals,
            "labels" => ProjectsAs.Labels,
            _ => null,
        };
        if (asWhat is null)
        {
            return Error.Invalid("Choose whether projects become goals or labels.");
        }

        // Only the name, never a path the browser sent along.
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        return new Upload(file, string.IsNullOrWhiteSpace(name) ? "the upload" : name, chosen, asWhat.Value);
    }
}
