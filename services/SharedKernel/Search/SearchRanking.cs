namespace Opco.SharedKernel.Search;

/// <summary>
/// How close a normalised name is to a normalised query typed with typos, word by word: each query word counts for
/// its best name word (1 when that word starts with it, as the last word is often still being typed; otherwise
/// 1 − edit distance / length), averaged. "garge" is closer to "garage" (one letter missing) than to "garcia".
/// </summary>
public static class SearchRanking
{
    public static double Score(string query, string name)
    {
        var queryWords = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var nameWords = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (queryWords.Length == 0 || nameWords.Length == 0) return 0;
        return queryWords.Average(q => nameWords.Max(w => WordScore(q, w)));
    }

    private static double WordScore(string query, string word)
    {
        if (word.StartsWith(query, StringComparison.Ordinal)) return 1;
        // A word being typed is compared with the start of the name's word of the same length, give or take one.
        var candidates = new[] { word, word[..Math.Min(word.Length, query.Length + 1)] };
        return candidates.Max(w => 1 - (double)EditDistance(query, w) / Math.Max(query.Length, w.Length));
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
