using Opco.Api.Security;
using Opco.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Dossier;
using Opco.Dossier.Data;
using Opco.Messaging.Outbox;

namespace Opco.Dossier.Features.TrainingProviders;

/// <summary>
/// « IBAN de l'organisme de formation », for an OPCO administrator: the account its subrogation payments go to, when the
/// provider was added without one or changed bank. Finance learns it (masked) through the outbox.
/// </summary>
public static class ChangeTrainingProviderIban
{
    public const string InvalidIban = "L'IBAN de l'organisme de formation contient des erreurs.";
    public const string UnknownProvider = "Aucun organisme de formation n'est enregistré avec ce SIRET.";
    public const string ChangedMeanwhile =
        "L'IBAN de cet organisme vient d'être modifié par un autre administrateur : rechargez la page pour voir le nouveau avant de le changer.";

    public sealed record Request(string? Iban);

    public static RouteHandlerBuilder MapChangeTrainingProviderIban(this RouteGroupBuilder providers) =>
        providers.MapPut("/{siret}/iban", HandleAsync)
            .WithName("ChangeTrainingProviderIban")
            .WithSummary("Records the IBAN a training provider's subrogation payments go to (administrators); answers the provider, IBAN masked.");

    public static async Task<Results<Ok<TrainingProviderSearch.Hit>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string siret, Request request, HttpContext http, DossierDbContext db, IIbanProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var provider = await db.TrainingProviders.FirstOrDefaultAsync(p => p.Siret == siret, cancellationToken);
        if (provider is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: UnknownProvider);
        var (now, by) = (time.GetUtcNow(), http.User.UserId()!.Value);
        var errors = provider.ChangeIban(request.Iban, protector, by, now);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidIban);
        db.PublishOnCommit(new TrainingProviderIbanChanged(provider.Id, provider.Siret, provider.MaskedIban!, now, by));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: ChangedMeanwhile);
        }
        return TypedResults.Ok(new TrainingProviderSearch.Hit(provider.Id, provider.Siret, provider.Nda, provider.Name, provider.Address,
            provider.PostalCode, provider.City, provider.IsQualiopiCertified, provider.MaskedIban));
    }
}
