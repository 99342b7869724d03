using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Opco.Notification.Domain;

namespace Opco.Notification.Email;

/// <summary>Sends over SMTP to the server of <c>ConnectionStrings:mail</c> (<c>smtp://host:port</c>).</summary>
public sealed class SmtpEmailSender(IConfiguration configuration, IOptions<MailOptions> options)
{
    private readonly Uri _server = new(configuration.GetConnectionString("mail")
        ?? throw new InvalidOperationException("ConnectionStrings:mail is not configured."));

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.Recipient));
        message.Subject = email.Subject;
        message.MessageId = $"{email.Id}@moncompte-opco.fr";
        message.Body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody }.ToMessageBody();

        using var client = new SmtpClient();
        var security = _server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(_server.Host, _server.Port, security, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
