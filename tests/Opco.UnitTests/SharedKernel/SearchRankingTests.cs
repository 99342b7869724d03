using Opco.SharedKernel.Search;

namespace Opco.UnitTests.SharedKernel;

public sealed class SearchRankingTests
{
    [Theory]
    [InlineData("garge", "garage", 1)]
    [InlineData("garge", "garcia", 3)]
    [InlineData("boulangrie", "boulangerie", 1)]
    [InlineData("martin", "martin", 0)]
    [InlineData("", "abc", 3)]
    public void Edit_distance_counts_insertions_deletions_and_substitutions(string a, string b, int expected) =>
        Assert.Equal(expected, SearchRanking.EditDistance(a, b));

    [Fact]
    public void A_typo_ranks_the_intended_word_above_a_word_that_merely_shares_letters() =>
        Assert.True(SearchRanking.Score("garge", "garage dubois sarl") > SearchRanking.Score("garge", "decolletage garcia sas"));

    [Fact]
    public void The_last_word_being_typed_counts_as_a_full_match_of_the_word_it_starts()
    {
        Assert.Equal(1, SearchRanking.Score("boulangerie mart", "boulangerie martinez freres sas"));
        Assert.True(SearchRanking.Score("boulangrie mart", "boulangerie martinez sas") > SearchRanking.Score("boulangrie mart", "boulangerie nicolas sas"));
    }

    [Fact]
    public void A_typo_in_a_word_being_typed_still_scores_well() =>
        Assert.True(SearchRanking.Score("martn", "cabinet martinez sarl") > 0.8);
}
