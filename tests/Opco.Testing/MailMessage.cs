namespace Opco.Testing;

/// <summary>A message caught by MailDev.</summary>
public sealed record MailMessage(
    string Id,
    string Subject,
    string Text,
    string Html,
    string From,
    IReadOnlyList<string> To,
    DateTimeOffset Date);
