using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Activity;

/// <summary>Where a reporting DEFi Performance is; the French label is what the page shows.</summary>
public enum DefiReportStatus
{
    Requested,
    InProgress,
    Ready,
    Failed,
}

/// <summary>
/// A reporting DEFi Performance asked for: a company's year over the establishments its requester may see, built in the
/// background (Demandé → En cours → Prêt, or Échec after <see cref="MaxAttempts"/>), its CSV and PDF kept with their date.
/// A worker holds a job for <see cref="Lease"/> at a time and renews it at each step: a job whose worker stopped
/// (a restart) is taken again once its lease has run out.
/// </summary>
public sealed class DefiReportJob
{
    public const string DefiPerformance = "DEFi Performance";
    public const int MaxAttempts = 3;
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(30);
    public const int MinYear = 2000, MaxYear = 2100;

    public Guid Id { get; private set; }
    public string Siren { get; private set; } = "";
    public int Year { get; private set; }
    /// <summary>The establishments the requester held the right on when asking: the report covers these, and only who may see them all downloads it.</summary>
    public List<string> Sirets { get; private set; } = [];
    public Guid RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DefiReportStatus Status { get; private set; }
    public int Progress { get; private set; }
    public string Step { get; private set; } = "";
    public int Attempts { get; private set; }
    /// <summary>Nobody takes the job before: its worker's lease, or the pause before another attempt.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? Failure { get; private set; }
    public byte[]? Csv { get; private set; }
    public byte[]? Pdf { get; private set; }

    private DefiReportJob() { }

    public static string Label(DefiReportStatus status) => status switch
    {
        DefiReportStatus.Requested => "Demandé",
        DefiReportStatus.InProgress => "En cours",
        DefiReportStatus.Ready => "Prêt",
        _ => "Échec",
    };

    public static bool Offers(MemberCompany? company) =>
        string.Equals(company?.ServiceOffer, DefiPerformance, StringComparison.OrdinalIgnoreCase);

    public static void CheckYear(int? year, FieldErrors errors)
    {
        if (year is not (>= MinYear and <= MaxYear)) errors.Add("year", $"Choisissez une année entre {MinYear} et {MaxYear}.");
    }

    /// <summary>"Demander le reporting": only for a company with the offer DEFi Performance, on at least one establishment.</summary>
    public static (DefiReportJob? Job, FieldErrors Errors) Request(MemberCompany? company, int? year, IReadOnlyList<string> sirets, Guid requestedBy,
        DateTimeOffset now)
    {
        var errors = new FieldErrors();
        CheckYear(year, errors);
        if (!Offers(company)) errors.Add("siren", "Les reportings sont réservés aux entreprises bénéficiant de l'offre DEFi Performance.");
        if (sirets.Count == 0) errors.Add("siren", "Aucun établissement de cette entreprise ne vous permet de télécharger les reportings.");
        if (!errors.IsEmpty) return (null, errors);
        return (new DefiReportJob
        {
            Id = Guid.CreateVersion7(now), Siren = company!.Siren, Year = year!.Value, Sirets = [.. sirets.Order(StringComparer.Ordinal)], RequestedBy = requestedBy,
            RequestedAt = now, Status = DefiReportStatus.Requested, Step = "En attente de traitement",
        }, errors);
    }

    /// <summary>A worker takes it (again, after a restart); false when it may not (finished, or held by another).</summary>
    public bool Claim(DateTimeOffset now)
    {
        if (Status is DefiReportStatus.Ready or DefiReportStatus.Failed || LeaseUntil > now) return false;
        Attempts++;
        if (Attempts > MaxAttempts)
        {
            Fail("Le reporting n'a pas pu être produit après plusieurs tentatives.", now);
            return false;
        }
        (Status, Progress, Step, LeaseUntil) = (DefiReportStatus.InProgress, 0, "Démarrage", now + Lease);
        return true;
    }

    public void Advance(int progress, string step, DateTimeOffset now) =>
        (Progress, Step, LeaseUntil) = (Math.Clamp(progress, 0, 99), step, now + Lease);

    public void Complete(byte[] csv, byte[] pdf, DateTimeOffset now) =>
        (Status, Progress, Step, Csv, Pdf, CompletedAt, LeaseUntil, Failure) = (DefiReportStatus.Ready, 100, "Terminé", csv, pdf, now, null, null);

    /// <summary>
    /// Building it failed: tried again, until <see cref="MaxAttempts"/>, not before <see cref="RetryPause"/> × the attempts made
    /// (30 s, then 60 s), so that a passing cause (a database restarting) does not use up the attempts at once. The pause is
    /// held like a lease: no worker takes the job before <see cref="LeaseUntil"/>.
    /// </summary>
    public void Retry(string reason, DateTimeOffset now)
    {
        if (Attempts >= MaxAttempts) Fail(reason, now);
        else (Status, Step, LeaseUntil) = (DefiReportStatus.Requested, "Nouvelle tentative en attente", now + RetryPause * Attempts);
    }

    public void Fail(string reason, DateTimeOffset now) =>
        (Status, Step, Failure, CompletedAt, LeaseUntil) = (DefiReportStatus.Failed, "Échec", reason, now, null);

    /// <summary>Only a user who may download reportings on every establishment it covers sees it.</summary>
    public bool VisibleTo(IReadOnlyCollection<string> allowedSirets) => Sirets.All(allowedSirets.Contains);
}
