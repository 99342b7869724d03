using System.Text.Json;
using Opco.Messaging;

// Moves the messages of an endpoint's error queue back to the endpoint, once the cause is fixed.
// Usage: scripts/redrive.sh <queue> [state-file]   e.g. scripts/redrive.sh notification-account-request-submitted
if (args.Length is 0 or > 2 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("Usage: redrive <queue> [state-file (default .data/state.json)]");
    return 2;
}

var stateFile = args.Length == 2 ? args[1] : Path.Combine(".data", "state.json");
if (!File.Exists(stateFile))
{
    Console.Error.WriteLine($"No state file at {stateFile}: start the system with ./run.sh first.");
    return 2;
}

using var state = JsonDocument.Parse(await File.ReadAllTextAsync(stateFile));
var messaging = state.RootElement.GetProperty("connectionStrings").GetProperty("messaging").GetString()!;
try
{
    var moved = await ErrorQueueRedriver.RedriveAsync(messaging, args[0]);
    Console.WriteLine($"{moved} message(s) re-driven from the error queue of {args[0]}.");
    return 0;
}
catch (RabbitMQ.Client.Exceptions.OperationInterruptedException error) when (error.ShutdownReason?.ReplyCode == 404)
{
    Console.Error.WriteLine($"No error queue for '{args[0]}': {error.ShutdownReason.ReplyText}");
    return 1;
}
