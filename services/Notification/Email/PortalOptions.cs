namespace Opco.Notification.Email;

/// <summary>Links in e-mails point to the public URL of the portal (the gateway).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public string PublicUrl { get; set; } = "http://localhost:8080";
    public string AssistanceEmail { get; set; } = "assistance@moncompte-opco.fr";
}
