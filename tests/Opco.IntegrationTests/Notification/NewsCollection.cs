namespace Opco.IntegrationTests.Notification;

/// <summary>
/// The tests that publish news or read the latest ones: news are the same for everyone, so one test's publications would
/// push another's out of "the latest three". They run one after the other, still in parallel with the rest.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NewsCollection
{
    public const string Name = "News";
}
