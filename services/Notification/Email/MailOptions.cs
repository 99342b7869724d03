namespace Opco.Notification.Email;

public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromName { get; set; } = "Mon compte OPCO";
    public string FromAddress { get; set; } = "ne-pas-repondre@moncompte-opco.fr";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 20;
}
