using Opco.Notification.Domain;
using Opco.Notification.Features.Settings;

namespace Opco.UnitTests.Notification;

/// <summary>"Mes notifications" settings: every faulty line is named in French, and only names are accepted.</summary>
public sealed class NotificationSettingsValidationTests
{
    [Fact]
    public void A_valid_line_becomes_a_change()
    {
        var errors = Validate(new UpdateSettings.KindRequest("Payment", false, true, "Immediate"), out var changes);

        Assert.Empty(errors);
        Assert.Equal([new UpdateSettings.Change(NotificationKind.Payment, false, true, AlertFrequency.Immediate)], changes);
    }

    [Fact]
    public void An_empty_request_is_refused()
    {
        var errors = SettingsValidation.Errors(new UpdateSettings.Request(null), out _);

        Assert.Equal(["Indiquez au moins un type de notification."], errors["kinds"]);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("payment")]
    [InlineData("Inconnu")]
    [InlineData(null)]
    public void Only_a_kind_name_is_accepted(string? kind)
    {
        var errors = Validate(new UpdateSettings.KindRequest(kind, true, false, "Daily"), out var changes);

        Assert.Equal(["Ce type de notification n'existe pas."], errors["kinds[0].kind"]);
        Assert.Empty(changes);
    }

    [Fact]
    public void Missing_choices_a_bad_frequency_and_a_repeated_kind_are_each_named()
    {
        var errors = Validate(
            [new("Payment", true, false, "Daily"), new("Payment", null, null, "0")], out _);

        Assert.Equal(["Ce type de notification est indiqué plusieurs fois."], errors["kinds[1].kind"]);
        Assert.Equal(["Indiquez si la notification doit apparaître dans le portail."], errors["kinds[1].inPortal"]);
        Assert.Equal(["Indiquez si vous souhaitez recevoir des alertes par email."], errors["kinds[1].emailAlerts"]);
        Assert.Equal(["La fréquence doit être Immediate, Daily ou Weekly."], errors["kinds[1].frequency"]);
    }

    private static Dictionary<string, string[]> Validate(UpdateSettings.KindRequest line, out List<UpdateSettings.Change> changes) =>
        Validate([line], out changes);

    private static Dictionary<string, string[]> Validate(UpdateSettings.KindRequest[] lines, out List<UpdateSettings.Change> changes) =>
        SettingsValidation.Errors(new UpdateSettings.Request(lines), out changes);
}
