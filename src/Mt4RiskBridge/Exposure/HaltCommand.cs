using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mt4RiskBridge.Exposure;

/// <summary>
/// The operator commands <c>halt &lt;login&gt; [reason]</c> and <c>resume &lt;login&gt;</c>: they write to the
/// service's state file, which a running service re-reads every couple of seconds.
/// </summary>
public static class HaltCommand
{
    public const string Halt = "halt";
    public const string Resume = "resume";

    public static bool Handles(string[] args) =>
        args.Length > 0 && (string.Equals(args[0], Halt, StringComparison.OrdinalIgnoreCase) || string.Equals(args[0], Resume, StringComparison.OrdinalIgnoreCase));

    public static int Run(string[] args, ExposureSettings settings, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length < 2 || !long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var login))
        {
            error.WriteLine("usage: halt <login> [reason] | resume <login>");
            return 2;
        }
        using var store = new AccountStateStore(settings, NullLogger<AccountStateStore>.Instance);
        if (string.Equals(args[0], Halt, StringComparison.OrdinalIgnoreCase))
        {
            var reason = args.Length > 2 ? string.Join(' ', args[2..]) : "by operator";
            store.Halt(login, reason);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"account {login} halted: {reason}"));
            return 0;
        }
        var resumed = store.Resume(login);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"account {login} {(resumed ? "resumed" : "was not halted")}"));
        return 0;
    }
}
