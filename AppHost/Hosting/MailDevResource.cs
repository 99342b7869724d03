namespace Opco.AppHost.Hosting;

/// <summary>MailDev: an SMTP server that keeps every message and shows it in a web UI and a REST API.</summary>
public sealed class MailDevResource : Resource, IResourceWithConnectionString
{
    private const string Install = "npm install --prefix .tools/maildev maildev@3 --no-audit --no-fund";

    private readonly Endpoint _web;
    private readonly Endpoint _smtp;
    private ManagedProcess? _process;

    internal MailDevResource(string name)
        : base(name)
    {
        _web = new Endpoint(name, 1080, "MailDev web UI and API");
        _smtp = new Endpoint($"{name}-smtp", 1025, "MailDev SMTP");
    }

    public override string Kind => "maildev";

    public string ConnectionString => $"smtp://127.0.0.1:{_smtp.Port}";

    public override string Url => $"http://127.0.0.1:{_web.Port}";

    internal override IEnumerable<Endpoint> Endpoints => [_web, _smtp];

    internal override IEnumerable<KeyValuePair<string, string>> PublicEndpoints => [new("maildev", Url)];

    internal override IEnumerable<Prerequisite> Prerequisites(string repoRoot, Toolchain tools)
    {
        yield return Prerequisite.Command("Node.js", "node", tools.Node, "sudo apt-get install -y nodejs npm");
        yield return Prerequisite.File("MailDev", Script(repoRoot), Install);
    }

    internal override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        var log = context.Log(Name);
        var mailDirectory = Path.Combine(context.DataDir, Name);
        Directory.CreateDirectory(mailDirectory);
        string[] arguments =
        [
            Script(context.RepoRoot),
            "--smtp", _smtp.Port.ToString(), "--ip", "127.0.0.1",
            "--web", _web.Port.ToString(), "--web-ip", "127.0.0.1",
            "--mail-directory", mailDirectory, "--silent",
        ];
        _process = ManagedProcess.Start(new ProcessSpec(context.Tools.Node!, arguments, mailDirectory), log, context.Tools);
        SetState(ResourceState.Starting, _process.Pid);
        await Readiness.WaitAsync(Name, _process, log, Readiness.HttpOk($"{Url}/api/healthz"), cancellationToken);
        ReportUnexpectedExit(_process, context);
    }

    internal override async Task StopAsync(AppHostContext context)
    {
        if (_process is not null)
            await _process.StopAsync(Native.SigTerm, TimeSpan.FromSeconds(5));
    }

    private static string Script(string repoRoot) =>
        Path.Combine(repoRoot, ".tools", "maildev", "node_modules", "maildev", "dist", "bin", "maildev.js");
}
