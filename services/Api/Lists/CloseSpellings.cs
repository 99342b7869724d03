using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Opco.Api.Lists;

/// <summary>
/// The typo-tolerant tier of a name search: pg_trgm's word similarity (<c>&lt;%</c>), one condition per query word so a
/// trigram index on the searched column intersects them. Callers rank what it returns (SearchRanking) and keep the best.
/// </summary>
public static partial class CloseSpellings
{
    /// <summary>
    /// Per query word, the share of its trigrams a name's word must have: low, because one wrong letter in a six-letter
    /// word already removes three of its seven trigrams ("dabois" for "dubois" is 0.43).
    /// </summary>
    private const string WordSimilarityThreshold = "0.4";
    /// <summary>Close spellings are taken unordered, up to this many, then ranked by the caller: bounded work however common the words.</summary>
    public const int Candidates = 100;

    /// <summary>The words worth a trigram condition (three letters or more, five at most) of a normalised query.</summary>
    public static List<string> Words(string normalizedQuery) =>
        [.. normalizedQuery.Split(' ').Where(w => w.Length >= 3).Distinct().Take(5)];

    /// <summary>"{i} &lt;% column AND …" for each word, each word added to <paramref name="parameters"/>: the SQL only ever holds placeholders.</summary>
    public static string Conditions(IEnumerable<string> words, string column, List<object> parameters) =>
        string.Join(" AND ", words.Select(w =>
        {
            parameters.Add(w);
            return $"{{{parameters.Count - 1}}} <% {column}";
        }));

    /// <summary>
    /// Runs <paramref name="sql"/> (placeholders <c>{0}</c>, <c>{1}</c>… for <paramref name="parameters"/>) with the
    /// similarity threshold set and the table scan off, for this query only: the planner guesses how many names are close
    /// from how common the query's trigrams are, and for a word such as "enerie" it walks the whole table hoping to meet
    /// enough rows early, where the trigram index finds the few in a few milliseconds (65 ms against 4 on 50,000
    /// providers). Settings and query go as one batch: one round trip, and PostgreSQL runs a batch as one implicit
    /// transaction, so the local settings end with it.
    /// </summary>
    public static Task<List<T>> QueryAsync<T>(DbContext db, string sql, List<object> parameters, Func<DbDataReader, T> read,
        CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var connection = db.Database.GetDbConnection();
            var opened = connection.State != ConnectionState.Open;
            if (opened) await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText =
                    $"SELECT set_config('pg_trgm.word_similarity_threshold', '{WordSimilarityThreshold}', true), set_config('enable_seqscan', 'off', true);\n"
                    + Placeholder().Replace(sql, match => "@p" + match.Groups[1].Value);
                for (var i = 0; i < parameters.Count; i++)
                {
                    var parameter = command.CreateParameter();
                    (parameter.ParameterName, parameter.Value) = ($"p{i}", parameters[i]);
                    command.Parameters.Add(parameter);
                }
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
                return rows;
            }
            finally
            {
                if (opened) await db.Database.CloseConnectionAsync();
            }
        });

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
