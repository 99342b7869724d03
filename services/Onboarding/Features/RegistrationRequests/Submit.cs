using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Messaging;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.RegistrationRequests;

/// <summary>
/// "Demander la création de mon entreprise" (a company missing from the search) and "vous pouvez le créer" (a site
/// missing from a known company): public, rate-limited at the gateway, validated by an advisor.
/// </summary>
public static class Submit
{
    public sealed record Request(string? Kind, string? Siren, string? Siret, string? Name, string? Address, string? PostalCode, string? City,
        string? RequesterEmail, string? RequesterLastName, string? RequesterFirstName);

    public sealed record Response(Guid RequestId, string Message);

    public const string Acknowledgement =
        "Votre demande a bien été enregistrée. Un conseiller formation va l'étudier ; vous serez informé par email de sa décision.";
    public const string CompanyExists = "Cette entreprise est déjà connue de l'OPCO : recherchez-la par son nom ou son SIREN.";
    public const string UnknownCompany = "Cette entreprise n'est pas connue de l'OPCO : demandez d'abord la création de l'entreprise.";
    public const string EstablishmentExists = "Cet établissement est déjà connu de l'OPCO : choisissez-le dans la liste.";
    public const string AlreadyPending = "Une demande de création est déjà en cours pour ce SIRET.";

    public static RouteHandlerBuilder MapSubmitRegistrationRequest(this IEndpointRouteBuilder api) =>
        api.MapPost("/registration-requests", HandleAsync)
            .AllowAnonymous()
            .WithName("SubmitRegistrationRequest")
            .WithSummary("Asks the OPCO to register a missing company or establishment (public).");

    public static async Task<Results<Accepted<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (registration, errors) = RegistrationRequest.Submit(new RegistrationRequestForm(request.Kind, request.Siren, request.Siret,
            request.Name, request.Address, request.PostalCode, request.City, request.RequesterEmail, request.RequesterLastName,
            request.RequesterFirstName), time.GetUtcNow());
        if (registration is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: Problems.InvalidRequest);

        var companyExists = await db.Companies.AnyAsync(c => c.Siren == registration.Siren, cancellationToken);
        if (registration.Kind == RegistrationRequestKind.Company && companyExists)
            return FieldProblem.Of(StatusCodes.Status409Conflict, Problems.InvalidRequest, "siren", CompanyExists);
        if (registration.Kind == RegistrationRequestKind.Establishment && !companyExists)
            return FieldProblem.Of(StatusCodes.Status422UnprocessableEntity, Problems.InvalidRequest, "siren", UnknownCompany);
        if (await db.Establishments.AnyAsync(e => e.Siret == registration.Siret, cancellationToken))
            return FieldProblem.Of(StatusCodes.Status409Conflict, Problems.InvalidRequest, "siret", EstablishmentExists);

        db.RegistrationRequests.Add(registration);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.On(error, RegistrationRequestConfiguration.OnePendingPerSiret))
        {
            return FieldProblem.Of(StatusCodes.Status409Conflict, Problems.InvalidRequest, "siret", AlreadyPending);
        }
        return TypedResults.Accepted($"/api/onboarding/registration-requests/{registration.Id}", new Response(registration.Id, Acknowledgement));
    }
}
