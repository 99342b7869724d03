namespace Opco.IntegrationTests.Platform;

/// <summary>Tests that disturb the shared application (killing processes) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DisruptiveCollection
{
    public const string Name = "Disruptive";
}
