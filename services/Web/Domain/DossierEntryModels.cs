namespace Opco.Web.Domain;

// What the steps of "Créer un dossier" hold while they are filled; the dossier service checks every field.

/// <summary>Step 1 "Cadre".</summary>
public sealed class DossierFrameModel
{
    public string? SchemeCode { get; set; }
    public bool? DirectPayment { get; set; }
}

/// <summary>Step 2 "Action".</summary>
public sealed class DossierActionModel
{
    public string? Title { get; set; }
    public string? Nature { get; set; }
    public string? Modality { get; set; }
    public string? CertificationCode { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? Hours { get; set; }
    public string? Place { get; set; }
}

/// <summary>A line of step 4: an employee of the establishment, ticked as a trainee with their hours.</summary>
public sealed class DossierTraineeModel
{
    public Guid EmployeeId { get; init; }
    public string Name { get; init; } = "";
    public bool Selected { get; set; }
    public decimal? Hours { get; set; }
    public decimal? Outside { get; set; }
}

/// <summary>A line of the incidental costs of step 5.</summary>
public sealed class DossierIncidentalModel(string kind, string label)
{
    public string Kind => kind;
    public string Label => label;
    public decimal? Quantity { get; set; }
    public decimal? UnitAmount { get; set; }
}

/// <summary>Step 5 "Coûts": the salary cost is computed by the service, never typed.</summary>
public sealed class DossierCostsModel
{
    public decimal? TeachingCost { get; set; }
    public decimal? RequestedAmount { get; set; }
    public IReadOnlyList<DossierIncidentalModel> Incidental { get; } =
        [new("Meal", "Repas"), new("Night", "Nuitées"), new("Travel", "Kilomètres")];
}

/// <summary>"Ajouter un organisme" of step 3.</summary>
public sealed class NewProviderModel
{
    public string? Siret { get; set; }
    public string? Nda { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Qualiopi { get; set; }
    public string? Iban { get; set; }
}
