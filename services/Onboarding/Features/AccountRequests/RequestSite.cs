using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Onboarding;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>The establishment a request is about, with what routing and messages need from its company.</summary>
public sealed record RequestSite(string Siret, string Name, bool IsClosed, string Siren, string CompanyName, string? AdvisorEmail)
{
    public static Task<RequestSite?> FindAsync(OnboardingDbContext db, string siret, CancellationToken cancellationToken) =>
        db.Establishments.AsNoTracking().Where(e => e.Siret == siret)
            .Join(db.Companies, e => e.Siren, c => c.Siren, (e, c) => new RequestSite(e.Siret, e.Name, e.ClosedOn != null, c.Siren, c.Name, c.AdvisorEmail))
            .SingleOrDefaultAsync(cancellationToken);

    public RequestSummary Summarize(AccountRequest request) =>
        new(request.Id, AccountRequestKinds.Label(request.Kind), request.LastName, request.FirstName, request.JobTitle, request.Siret, Name,
            CompanyName, request.SubmittedAt);

    public static IReadOnlyList<RequestRecipient> Recipients(IEnumerable<Decider> deciders) =>
        [.. deciders.Select(d => new RequestRecipient(d.UserId, d.Email, d.FirstName, d.LastName))];
}
