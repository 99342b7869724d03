using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Contracts.Onboarding;
using Opco.Messaging.Outbox;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;
using Opco.Onboarding.Features.Registry;

namespace Opco.Onboarding.Features.RegistrationRequests;

/// <summary>
/// An advisor validates a request: the company (with its site as head office) or the establishment joins the
/// registry and is published. The validating advisor becomes a new company's training advisor.
/// </summary>
public static class Approve
{
    /// <param name="Headcount">What the advisor knows of a new company; optional.</param>
    public sealed record Request(int? Headcount = null, string? ServiceOffer = null);

    public static RouteHandlerBuilder MapApproveRegistrationRequest(this IEndpointRouteBuilder api) =>
        api.MapPost("/registration-requests/{id:guid}/approve", HandleAsync).WithName("ApproveRegistrationRequest")
            .WithSummary("Approves a registration request: the company or establishment joins the registry.");

    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request? request, HttpContext context, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var staff = await Staff.LoadAsync(context.User, db, cancellationToken);
        if (staff is null) return Staff.Required();
        var registration = await db.RegistrationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (registration is null) return Problems.NotFound("Demande introuvable.");
        if (!registration.IsPending) return Problems.AlreadyDecided();

        var now = time.GetUtcNow();
        var company = await db.Companies.Include(c => c.Establishments).SingleOrDefaultAsync(c => c.Siren == registration.Siren, cancellationToken);
        var newCompany = registration.Kind == RegistrationRequestKind.Company;
        if (newCompany && company is not null)
            return FieldProblem.Of(StatusCodes.Status409Conflict, "La demande ne peut plus être validée.", "siren", Submit.CompanyExists);
        if (!newCompany && company is null)
            return FieldProblem.Of(StatusCodes.Status409Conflict, "La demande ne peut plus être validée.", "siren", Submit.UnknownCompany);
        if (newCompany)
        {
            var (registered, companyErrors) = Company.Register(new CompanyDetails(registration.Siren, registration.Name, request?.Headcount,
                request?.ServiceOffer, staff.IsAdvisor ? staff.Email : null), now);
            if (registered is null) return TypedResults.ValidationProblem(companyErrors.ToDictionary(), title: "La demande ne peut pas être validée.");
            company = registered;
            db.Companies.Add(company);
            RegistryEvents.CompanyRegistered(db, company, now);
        }

        var (establishment, errors) = company!.AddEstablishment(registration.Establishment);
        if (establishment is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "La demande ne peut pas être validée.");
        if (await db.Establishments.AnyAsync(e => e.Siret == establishment.Siret, cancellationToken))
            return FieldProblem.Of(StatusCodes.Status409Conflict, "La demande ne peut plus être validée.", "siret", Submit.EstablishmentExists);
        RegistryEvents.EstablishmentRegistered(db, company, establishment, now);
        foreach (var other in company.Establishments.Where(e => e != establishment && db.Entry(e).State == EntityState.Modified))
            RegistryEvents.EstablishmentUpdated(db, company, other, now);

        registration.Approve(staff.UserId, now);
        db.PublishOnCommit(new RegistrationRequestDecided(registration.Id, registration.Kind.ToString(), true, registration.RequesterEmail,
            registration.RequesterFirstName, registration.RequesterLastName, registration.Name, registration.Siret, null, now), registration.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
