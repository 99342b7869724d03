using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Api.Lists;

namespace Opco.UnitTests.Api;

public sealed class ListSortsTests
{
    private sealed record Row(int Id, string Name, int Age);

    private static readonly ListSorts<Row> Sorts =
        new ListSorts<Row>("name", ListSorts<Row>.Ascending, rows => rows.ThenBy(r => r.Id))
            .Column("name", r => r.Name)
            .Column("age", r => r.Age);

    [Fact]
    public void An_empty_query_reads_the_default_sort_first_page_of_twenty()
    {
        Assert.True(Sorts.TryRead(new ListQuery(), out var request, out _));

        Assert.Equal(("name", "asc", 1, 20), (request.Sort, request.Direction, request.Page, request.PageSize));
    }

    [Fact]
    public void A_direction_is_read_whatever_its_case_and_spaces()
    {
        Assert.True(Sorts.TryRead(new ListQuery("age", " DESC ", 3, 100), out var request, out _));

        Assert.Equal(("age", "desc", 3, 100), (request.Sort, request.Direction, request.Page, request.PageSize));
    }

    [Fact]
    public void Every_unreadable_value_is_named_in_one_answer()
    {
        Assert.False(Sorts.TryRead(new ListQuery("email", "up", 0, 101), out _, out var problem));

        var errors = ((HttpValidationProblemDetails)problem.ProblemDetails).Errors;
        Assert.Equal(["direction", "page", "pageSize", "sort"], errors.Keys.Order());
        Assert.Equal("Le tri doit porter sur l'une des colonnes : name, age.", errors["sort"][0]);
        Assert.Equal(400, problem.StatusCode);
    }

    [Fact]
    public void A_page_whose_first_row_cannot_be_counted_is_refused()
    {
        Assert.False(Sorts.TryRead(new ListQuery(Page: int.MaxValue / 50 + 1, PageSize: 50), out _, out var problem));
        Assert.True(Sorts.TryRead(new ListQuery(Page: int.MaxValue / 50, PageSize: 50), out _, out _));

        Assert.Equal("Cette page n'existe pas.", ((HttpValidationProblemDetails)problem.ProblemDetails).Errors["page"][0]);
    }

    [Fact]
    public void The_requested_order_breaks_ties_the_same_way_every_time()
    {
        Row[] rows = [new(3, "b", 40), new(1, "a", 40), new(2, "c", 30)];
        Assert.True(Sorts.TryRead(new ListQuery("age", "desc"), out var request, out _));

        var ordered = request.Order(rows.AsQueryable()).Select(r => r.Id);

        Assert.Equal([1, 3, 2], ordered);
    }
}
