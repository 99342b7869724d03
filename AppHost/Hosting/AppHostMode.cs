namespace Opco.AppHost.Hosting;

public enum AppHostMode
{
    /// <summary>Developer run: stable ports, data kept under .data/, demo data seeded.</summary>
    Run,

    /// <summary>Integration tests: random ports, a throw-away folder, fast unsafe PostgreSQL settings.</summary>
    Test,
}
