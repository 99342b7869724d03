using Opco.Web.Api;

namespace Opco.Web.Domain;

/// <summary>« Mes comptes » in French: signed amounts, the company's name, and each figure beside its definition.</summary>
public static class AccountLabels
{
    /// <summary>
    /// « +5 000,00 € », « −250,50 € »: the sign is written out, so the colour is never the only cue (a true minus sign,
    /// which screen readers say « moins »).
    /// </summary>
    public static string SignedEuros(decimal amount) => amount switch
    {
        > 0 => "+" + Labels.Euros(amount),
        < 0 => "\u2212" + Labels.Euros(-amount),
        _ => Labels.Euros(0),
    };

    /// <summary>The colour of a movement: money coming in, or going out.</summary>
    public static string AmountClass(decimal amount) => amount switch
    {
        > 0 => "amount amount-in",
        < 0 => "amount amount-out",
        _ => "amount",
    };

    /// <summary>Finance knows only the SIREN: the name is that of one of the user's establishments of the company, if any.</summary>
    public static string CompanyName(IEnumerable<MyEstablishment> establishments, string siren) =>
        establishments.FirstOrDefault(e => e.Siret.StartsWith(siren, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(e.CompanyName))?.CompanyName
        ?? $"Entreprise SIREN {Siren(siren)}";

    /// <summary>« 123 456 789 ».</summary>
    public static string Siren(string siren) => siren.Length == 9 ? $"{siren[..3]} {siren[3..6]} {siren[6..]}" : siren;

    /// <summary>The figures the API defines, in its order, each with its amount; a field this portal does not know is left out.</summary>
    public static IReadOnlyList<(string Label, decimal Amount, string Definition)> Figures(AccountFiguresView figures,
        IEnumerable<FigureDefinition> definitions) =>
        [.. from d in definitions let amount = Figure(figures, d.Field) where amount is not null select (d.Label, amount.Value, d.Definition)];

    private static decimal? Figure(AccountFiguresView figures, string field) => field.ToLowerInvariant() switch
    {
        "availableforcommitment" => figures.AvailableForCommitment,
        "opencommitments" => figures.OpenCommitments,
        "availableforpayment" => figures.AvailableForPayment,
        _ => null,
    };
}
