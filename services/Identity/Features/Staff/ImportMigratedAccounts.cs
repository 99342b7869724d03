using Opco.SharedKernel.Habilitations;
using Opco.SharedKernel.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Users;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;

namespace Opco.Identity.Features.Staff;

/// <summary>
/// Accounts of the previous platform, one line per user and establishment, columns
/// email;civilite;nom;prenom;telephone;fonction;siret;habilitations (habilitations separated by '|').
/// <para>Accounts of the previous platform, imported by an administrator: they keep their data and habilitations but have
/// no password, so their first sign-in tells them to use "mot de passe oublié". All or nothing: one bad line and
/// nothing is imported, with every line's problem listed.</para>
/// </summary>
public static class ImportMigratedAccounts
{
    public sealed record Response(int Users, int Accesses);

    /// <summary>Messages name the file's columns, not the API's fields.</summary>
    private static readonly Dictionary<string, string> Columns = new()
    {
        ["civility"] = "civilite", ["lastName"] = "nom", ["firstName"] = "prenom", ["phone"] = "telephone",
        ["function"] = "fonction", ["habilitations"] = "siret/habilitations",
    };

    public static RouteGroupBuilder MapImportMigratedAccounts(this RouteGroupBuilder admin)
    {
        admin.MapPost("/imports/users", HandleAsync).Accepts<string>("text/csv")
            .WithName("ImportMigratedAccounts")
            .WithSummary("Imports migrated accounts from a CSV file, all or nothing (administrators).");
        return admin;
    }

    public static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext context, IdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Administrator.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return Administrator.Required();

        using var reader = new StreamReader(context.Request.Body);
        List<Dictionary<string, string>> rows;
        try
        {
            rows = SemicolonCsv.Parse(await reader.ReadToEndAsync(cancellationToken));
        }
        catch (FormatException error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fichier"] = [error.Message] },
                title: "Le fichier contient des erreurs : rien n'a été importé.");
        }
        var errors = new FieldErrors();
        var people = new Dictionary<string, UserAccount>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var (row, line) in rows.Select((r, i) => (r, i + 2)))
        {
            var field = $"ligne {line}";
            var lineErrors = new FieldErrors();
            string? Column(string name) => row.GetValueOrDefault(name);
            var person = PersonalData.Validate(Column("civilite"), Column("nom"), Column("prenom"), Column("telephone"), Column("fonction"), lineErrors);
            if (!EmailAddress.TryParse(Column("email"), out var email)) lineErrors.Add("email", "L'email n'est pas une adresse valide.");
            var (siret, habilitations) = new EstablishmentGrant(Column("siret"), Column("habilitations")?.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Validate("habilitations", lineErrors, allowEmpty: false);
            foreach (var (key, messages) in lineErrors.ToDictionary())
                foreach (var message in messages) errors.Add(field, $"{Columns.GetValueOrDefault(key, key)} : {message}");
            if (!lineErrors.IsEmpty) continue;

            if (!people.TryGetValue(email!.Value, out var user))
            {
                user = UserAccount.Create(person!.Civility, person.FirstName, person.LastName, email.Value, person.Phone, person.Function, now);
                user.NormalizedEmail = user.NormalizedUserName = email.Value.ToUpperInvariant();
                user.SecurityStamp = Guid.NewGuid().ToString("N");
                user.EmailConfirmed = true;
                user.MustCreatePassword = true;
                user.PreferredSiret = siret;
                people[email.Value] = user;
            }
            if (user.Accesses.Any(a => a.Siret == siret)) errors.Add(field, $"siret : l'établissement {siret} est déjà sur une autre ligne pour {email.Value}.");
            else user.Accesses.Add(new EstablishmentAccess { UserId = user.Id, Siret = siret!, Habilitations = habilitations, GrantedAt = now });
        }

        var emails = people.Keys.Select(e => e.ToUpperInvariant()).ToList();
        foreach (var existing in await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.Email).ToListAsync(cancellationToken))
            errors.Add("fichier", $"Un compte existe déjà avec l'adresse {existing}.");
        if (rows.Count == 0) errors.Add("fichier", "Le fichier ne contient aucune ligne.");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Le fichier contient des erreurs : rien n'a été importé.");

        foreach (var user in people.Values)
        {
            db.Users.Add(user);
            AuditTrail.Record(db, caller, user.Id, "UserImported", null, null, UserSnapshot.Of(user), now);
            // Other services learn of imported accounts and their rights as of any other.
            db.PublishOnCommit(new UserCreated(user.Id, user.Email!, user.FirstName, user.LastName, caller.Account.Id, now), user.Id.ToString());
            foreach (var access in user.Accesses)
                db.PublishOnCommit(new UserHabilitationsChanged(user.Id, user.Email!, user.FirstName, user.LastName, access.Siret,
                    await EstablishmentNames.OfAsync(db, access.Siret, cancellationToken), [.. access.Habilitations.Select(h => h.ToString())], [],
                    caller.Account.Id, now), user.Id.ToString());
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(people.Count, people.Values.Sum(u => u.Accesses.Count)));
    }
}
