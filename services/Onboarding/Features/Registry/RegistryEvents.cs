using Opco.Messaging.Outbox;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.Registry;

/// <summary>Every change of the registry is published, so identity, dossier and finance keep their copies.</summary>
public static class RegistryEvents
{
    public static void CompanyRegistered(OnboardingDbContext db, Company company, DateTimeOffset now) =>
        db.PublishOnCommit(new Contracts.Onboarding.CompanyRegistered(company.Siren, company.Name, company.Headcount, company.ServiceOffer,
            company.AdvisorEmail, now), company.Siren);

    public static void CompanyUpdated(OnboardingDbContext db, Company company, DateTimeOffset now) =>
        db.PublishOnCommit(new Contracts.Onboarding.CompanyUpdated(company.Siren, company.Name, company.Headcount, company.ServiceOffer,
            company.AdvisorEmail, now), company.Siren);

    public static void EstablishmentRegistered(OnboardingDbContext db, Company company, Establishment e, DateTimeOffset now) =>
        db.PublishOnCommit(new Contracts.Onboarding.EstablishmentRegistered(e.Siret, e.Siren, e.Name, company.Name, e.PostalAddress,
            e.IsHeadOffice, e.ClosedOn, now, e.PostalCode, e.City), e.Siret);

    public static void EstablishmentUpdated(OnboardingDbContext db, Company company, Establishment e, DateTimeOffset now) =>
        db.PublishOnCommit(new Contracts.Onboarding.EstablishmentUpdated(e.Siret, e.Siren, e.Name, company.Name, e.PostalAddress,
            e.IsHeadOffice, e.ClosedOn, now, e.PostalCode, e.City), e.Siret);

    public static void EstablishmentClosed(OnboardingDbContext db, Establishment e, DateTimeOffset now) =>
        db.PublishOnCommit(new Contracts.Onboarding.EstablishmentClosed(e.Siret, e.ClosedOn!.Value, now), e.Siret);
}
