namespace Opco.SharedKernel.People;

/// <summary>The employee's contract (domain.md, Salariés).</summary>
public enum EmploymentContract
{
    Cdi,
    Cdd,
    Apprentissage,
    Professionnalisation,
}

/// <summary>"CSP": the socio-professional category.</summary>
public enum SocioProfessionalCategory
{
    Ouvrier,
    Employe,
    TechnicienAgentMaitrise,
    Cadre,
}

/// <summary>What the screens, the import file and the exports call each code (the web front end offers them as filters).</summary>
public static class EmployeeLabels
{
    public static string Of(EmploymentContract contract) => contract switch
    {
        EmploymentContract.Cdi => "CDI",
        EmploymentContract.Cdd => "CDD",
        EmploymentContract.Apprentissage => "Contrat d'apprentissage",
        EmploymentContract.Professionnalisation => "Contrat de professionnalisation",
        _ => throw new ArgumentOutOfRangeException(nameof(contract)),
    };

    public static string Of(SocioProfessionalCategory category) => category switch
    {
        SocioProfessionalCategory.Ouvrier => "Ouvrier",
        SocioProfessionalCategory.Employe => "Employé",
        SocioProfessionalCategory.TechnicienAgentMaitrise => "Technicien / agent de maîtrise",
        SocioProfessionalCategory.Cadre => "Cadre",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
