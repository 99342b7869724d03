namespace Opco.AppHost.Hosting;

public enum ResourceState
{
    Waiting,
    Starting,
    Running,
    Completed,
    Restarting,
    Failed,
    Exited,
    Stopping,
    Stopped,
}
