using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Dossier.Features.Employees;

/// <summary>
/// "Import par fichier" (seed 004): the downloadable template, then a file checked line by line. A dry run reports each
/// faulty line and imports nothing; "Importer les lignes valides" imports the others in one transaction. A line creates
/// the employee or updates the one it designates (by matricule, else by name and birth date); nothing is ever deleted.
/// The wage columns are refused to whoever may not manage wages, and each wage imported is audited.
/// </summary>
public static class ImportEmployees
{
    public const int MaxFileBytes = 5 * 1024 * 1024;
    private const string InvalidFile = "Le fichier ne peut pas être importé.";

    public sealed record Report(bool DryRun, int Lines, int Valid, int Created, int Updated, int WagesRecorded, IReadOnlyList<LineError> Errors);

    public static RouteGroupBuilder MapImportEmployees(this RouteGroupBuilder employees)
    {
        employees.MapGet("/import/template", Template)
            .WithName("EmployeeImportTemplate")
            .WithSummary("The CSV template of the employee import, with the wage columns for who may import them.");
        employees.MapPost("/import", ImportAsync)
            .Accepts<string>("text/csv")
            .WithName("ImportEmployees")
            .WithSummary("Checks an employee file line by line (dryRun=true) or imports its valid lines (Gérer les salariés).");
        return employees;
    }

    public static FileContentHttpResult Template(HttpContext http) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(EmployeeFile.Template(MayImportWages(http)))).ToArray(),
            "text/csv; charset=utf-8", "modele-import-salaries.csv");

    public static async Task<Results<Ok<Report>, ProblemHttpResult>> ImportAsync(string siret, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken, bool dryRun = true)
    {
        if (http.Request.ContentType is not { } contentType
            || !(contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: InvalidFile,
                detail: "Le fichier doit être envoyé au format CSV (text/csv), comme le modèle.");
        var text = await ReadAsync(http.Request, cancellationToken);
        if (text is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: InvalidFile,
                detail: $"Le fichier ne doit pas dépasser {MaxFileBytes / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.");

        var (lines, errors, fileError) = EmployeeFile.Read(text);
        if (fileError is not null) return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: InvalidFile, detail: fileError);
        if (lines.Any(l => l.HasWage) && !MayImportWages(http))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: InvalidFile,
                detail: "Le fichier contient des salaires horaires : seul un titulaire de l'habilitation « Données sensibles » peut les importer. Retirez ces colonnes.");

        var key = SiretKey.Of(siret);
        var existing = await db.Employees.Where(e => e.Siret == key).Include(e => e.Wages).AsSplitQuery().ToListAsync(cancellationToken);
        var import = new EmployeeImport(existing, ParisCalendar.Today(time), time.GetUtcNow(), http.User.UserId()!.Value);
        var allErrors = errors.ToList();
        foreach (var line in lines) allErrors.AddRange(import.Apply(key, line));
        allErrors.Sort((a, b) => a.Line.CompareTo(b.Line));

        if (!dryRun)
        {
            db.Employees.AddRange(import.Created);
            db.WageAccesses.AddRange(import.WageChanges.Select(id => WageAccess.Of(time.GetUtcNow(), import.By, key, id, WageAccessKind.Change)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone changed these employees while the file was read: nothing was imported, the file can be sent again.
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: InvalidFile,
                    detail: "Des salariés de l'établissement ont été modifiés pendant l'import : rien n'a été importé, envoyez le fichier à nouveau.");
            }
        }
        return TypedResults.Ok(new Report(dryRun, lines.Count + errors.Select(e => e.Line).Distinct().Count(), import.Valid,
            import.Created.Count, import.Updated, import.WageChanges.Count, allErrors));
    }

    private static bool MayImportWages(HttpContext http) =>
        HabilitationMatrix.Allows(http.Features.GetRequiredFeature<EstablishmentAccess>().Held, Functionality.GererSalaireHoraire);

    /// <summary>The body as text (UTF-8, or Latin-1 as an older spreadsheet saves a CSV), or null when over the limit.</summary>
    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await RequestBodies.ReadAtMostAsync(request, MaxFileBytes, cancellationToken) is not { } bytes) return null;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
