namespace Opco.Dossier.Domain.Dossiers;

/// <summary>Step 1 "Cadre": the scheme and, where it is offered, subrogation (the OPCO pays the provider).</summary>
public sealed record FrameForm(string? SchemeCode, bool? DirectPayment);

/// <summary>Step 2 "Action".</summary>
public sealed record ActionForm(string? Title, string? Nature, string? Modality, string? CertificationCode, DateOnly? StartDate,
    DateOnly? EndDate, decimal? Hours, string? Place);

/// <summary>Step 4 "Stagiaires": one line per employee.</summary>
public sealed record TraineeLine(Guid? EmployeeId, decimal? Hours, decimal? HoursOutsideWorkingTime);

/// <summary>Step 5 "Coûts": the salary cost is not here, it is computed from the wages.</summary>
public sealed record CostsForm(decimal? TeachingCost, IReadOnlyList<IncidentalCostLine>? IncidentalCosts, decimal? RequestedAmount);

public sealed record IncidentalCostLine(string? Kind, decimal? Quantity, decimal? UnitAmount);
