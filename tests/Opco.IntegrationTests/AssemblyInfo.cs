using Opco.IntegrationTests;

// One running application for the whole test run.
[assembly: AssemblyFixture(typeof(AppFixture))]
