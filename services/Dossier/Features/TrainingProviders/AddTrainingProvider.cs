using Opco.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.SharedKernel;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.Messaging;

namespace Opco.Dossier.Features.TrainingProviders;

/// <summary>"Ajouter un organisme", when the search did not find it.</summary>
public static class AddTrainingProvider
{
    public const string InvalidProvider = "Les informations de l'organisme de formation contiennent des erreurs.";
    public const string AlreadyKnown = "Cet organisme de formation est déjà enregistré : sélectionnez-le.";

    public static RouteHandlerBuilder MapAddTrainingProvider(this RouteGroupBuilder providers) =>
        providers.MapPost("/", HandleAsync)
            .WithName("AddTrainingProvider")
            .WithSummary("Adds a training provider; a SIRET already known answers 409 with that provider under \"existing\".");

    public static async Task<Results<Created<TrainingProviderSearch.Hit>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        TrainingProviderForm request, HttpContext http, DossierDbContext db, IIbanProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (provider, errors) = TrainingProvider.Create(request, protector, http.User.UserId()!.Value, time.GetUtcNow());
        if (provider is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidProvider);
        if (await ExistingAsync(db, provider.Siret, cancellationToken) is { } known) return Conflict(known);
        db.TrainingProviders.Add(provider);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.On(error, TrainingProviderConfiguration.OnePerSiret))
        {
            // Added by someone else since the check above.
            return Conflict((await ExistingAsync(db, provider.Siret, cancellationToken))!);
        }
        return TypedResults.Created($"/api/dossier/training-providers/{provider.Id}",
            new TrainingProviderSearch.Hit(provider.Id, provider.Siret, provider.Nda, provider.Name, provider.Address, provider.PostalCode,
                provider.City, provider.IsQualiopiCertified, provider.MaskedIban));
    }

    private static async Task<TrainingProviderSearch.Hit?> ExistingAsync(DossierDbContext db, string siret, CancellationToken cancellationToken) =>
        (await TrainingProviderSearch.FindAsync(db, siret, 1, cancellationToken)).SingleOrDefault();

    private static ProblemHttpResult Conflict(TrainingProviderSearch.Hit existing) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: AlreadyKnown, extensions: new Dictionary<string, object?> { ["existing"] = existing });
}
