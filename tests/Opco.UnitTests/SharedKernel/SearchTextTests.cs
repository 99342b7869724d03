using Opco.SharedKernel.Search;

namespace Opco.UnitTests.SharedKernel;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Électricité Générale d'Anjou", "electricite generale d anjou")]
    [InlineData("  BOULANGERIE   MARTIN & FILS  ", "boulangerie martin fils")]
    [InlineData("Cœur de Lœss SA", "coeur de loess sa")]
    [InlineData("Æther Straße", "aether strasse")]
    [InlineData("Hôtel-Restaurant «Le Nîmois»", "hotel restaurant le nimois")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_and_queries_lose_case_accents_ligatures_and_punctuation(string? input, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(input));

    [Theory]
    [InlineData("732 829 320", "732829320")]
    [InlineData("732.829.320.00074", "73282932000074")]
    [InlineData("7328", "7328")]
    [InlineData("Atelier 2", null)]
    [InlineData("  ", null)]
    public void Digits_with_spaces_or_dots_are_a_number_anything_else_a_name(string input, string? expected) =>
        Assert.Equal(expected, SearchText.Digits(input));
}
