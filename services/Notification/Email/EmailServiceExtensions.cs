namespace Opco.Notification.Email;

public static class EmailServiceExtensions
{
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        builder.Services.AddSingleton(EmailTemplates.FromOutputDirectory());
        builder.Services.AddSingleton<SmtpEmailSender>();
        builder.Services.AddSingleton<EmailSignal>();
        builder.Services.AddScoped<EmailQueue>();
        builder.Services.AddHostedService<EmailDispatcher>();
        return builder;
    }
}
