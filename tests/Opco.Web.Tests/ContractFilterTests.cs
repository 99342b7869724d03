using System.Text.Json;
using Opco.Web.Domain;

namespace Opco.Web.Tests;

/// <summary>"Mes contrats de pro": the list's query, and what each step of the entry sends.</summary>
public sealed class ContractFilterTests
{
    [Fact]
    public void The_list_starts_newest_first_and_sends_only_the_filters_chosen()
    {
        var filter = new ContractFilter();
        Assert.Equal("sort=createdAt&direction=desc&page=1", filter.ToQuery());

        (filter.Siret, filter.Status, filter.Search, filter.Page) = ("73282932000074", "Transmitted", " Léa Martin ", 3);
        Assert.Equal("sort=createdAt&direction=desc&page=3&siret=73282932000074&status=Transmitted&search=L%C3%A9a%20Martin", filter.ToQuery());
    }

    [Fact]
    public void A_column_sorts_ascending_from_the_first_page_then_reverses()
    {
        var filter = new ContractFilter { Page = 4 };
        filter.SortBy("decisionDueOn");
        Assert.Equal(("decisionDueOn", false, 1), (filter.Sort, filter.Descending, filter.Page));
        filter.SortBy("decisionDueOn");
        Assert.Equal(("decisionDueOn", true), (filter.Sort, filter.Descending));
    }

    [Fact]
    public void The_steps_send_what_the_view_holds_with_empty_choices_as_null_and_years_as_a_whole_number()
    {
        var employee = Guid.NewGuid();
        var form = ContractEntryForm.Of(ContractSamples.View() with
        {
            Trainee = new(employee, "MARTIN Léa", new DateOnly(2006, 5, 2)), Public = "Young", TutorExperienceYears = 5, TutorAidRequested = true,
            Kind = "FixedTerm", StartDate = new DateOnly(2027, 2, 1), WeeklyHours = 35m, Job = "Vendeuse", QualificationKind = "Rncp",
        });
        form.QualificationCode = "  ";

        Assert.Equal($$"""{"employeeId":"{{employee}}","public":"Young"}""", Json(form.TraineeBody()));
        Assert.Equal("""{"tutorEmployeeId":null,"tutorExperienceYears":5,"tutorAidRequested":true}""", Json(form.TutorBody()));
        Assert.Equal("""{"kind":"FixedTerm","contractType":1,"signedOn":null,"startDate":"2027-02-01","endDate":null,"weeklyHours":35,"job":"Vendeuse","qualificationKind":"Rncp","qualificationCode":null}""",
            Json(form.TermsBody()));
        Assert.Equal("""{"monthlyGrossPay":null}""", Json(form.PayBody()));
    }

    [Fact]
    public void Years_beyond_a_whole_number_are_still_sent_for_the_API_to_refuse_on_the_field()
    {
        var form = new ContractEntryForm { TutorExperienceYears = -99_999_999_999_999_999_999m };

        Assert.Equal($$"""{"tutorEmployeeId":null,"tutorExperienceYears":{{int.MinValue}},"tutorAidRequested":null}""", Json(form.TutorBody()));
    }

    private static string Json(object body) => JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
}
