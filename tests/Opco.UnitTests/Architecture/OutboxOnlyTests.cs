using System.Text.RegularExpressions;

namespace Opco.UnitTests.Architecture;

/// <summary>
/// State-changing code must not publish around the outbox: outside the messaging building block, no service
/// code may reach for MassTransit's publish or send APIs. Events go through DbContext.PublishOnCommit (the outbox).
/// </summary>
public sealed partial class OutboxOnlyTests
{
    [Fact]
    public void No_service_publishes_or_sends_directly()
    {
        var services = Path.Combine(RepositoryRoot(), "services");
        var offenders = Directory.EnumerateFiles(services, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Messaging{Path.DirectorySeparatorChar}Outbox")
                           && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => DirectPublish().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(services, x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_rule_catches_a_direct_publish() =>
        Assert.Matches(DirectPublish(), "await context.Publish(new Something());");

    [GeneratedRegex(@"\bIPublishEndpoint\b|\bISendEndpointProvider\b|\bIBus\b|\.Publish\(|\.Send\(|\.Publish<")]
    private static partial Regex DirectPublish();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Opco.Aspire.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
