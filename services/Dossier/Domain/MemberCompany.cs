namespace Opco.Dossier.Domain;

/// <summary>
/// The local copy of a member company from onboarding's registry: what the schemes' rules read (headcount, service
/// offer). Kept by Messaging/CompanyCopyConsumers; the newer state wins, whatever order the events arrive in.
/// </summary>
public sealed class MemberCompany
{
    public string Siren { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>Null when the registry does not know it: counts as 11 or more for the schemes' rules.</summary>
    public int? Headcount { get; private set; }
    public string? ServiceOffer { get; private set; }
    /// <summary>The company's training advisor at the OPCO: who handles its dossiers.</summary>
    public string? AdvisorEmail { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private MemberCompany() { }

    /// <summary>A company as the copy holds it; the copy itself is written by SQL upserts.</summary>
    public static MemberCompany Of(string siren, string name, int? headcount, string? serviceOffer, string? advisorEmail, DateTimeOffset updatedAt) =>
        new() { Siren = siren, Name = name, Headcount = headcount, ServiceOffer = serviceOffer, AdvisorEmail = advisorEmail, UpdatedAt = updatedAt };
}

/// <summary>The local copy of each user's preferred establishment ("Mon profil"), from identity's events.</summary>
public sealed class PreferredEstablishment
{
    public Guid UserId { get; private set; }
    public string? Siret { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private PreferredEstablishment() { }
}
