namespace Opco.Web.Domain;

/// <summary>"Mes contrats de pro": the filters and the sort of the list.</summary>
public sealed class ContractFilter : ListFilter;
