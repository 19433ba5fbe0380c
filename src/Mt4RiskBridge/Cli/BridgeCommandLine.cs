using System.CommandLine;
using System.CommandLine.Invocation;
using Mt4RiskBridge.Security;

namespace Mt4RiskBridge.Cli;

/// <summary>
/// The command line: <c>run</c> (the default), <c>demo</c>, <c>halt</c>, <c>resume</c>, <c>keygen</c> and <c>report</c>, each with
/// <c>--help</c> and <c>--version</c>. Settings overrides (<c>--Section:Key=value</c>) go to the service's settings.
/// A usage error is one line and exit code 2.
/// </summary>
public static class BridgeCommandLine
{
    private const string SettingsHelp = "Settings: --Section:Key=value overrides appsettings.json and the environment (docs/configuration.md).";

    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = Build(output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            var command = parse.CommandResult.Command;
            var name = command == root ? "Mt4RiskBridge" : "Mt4RiskBridge " + command.Name;
            await error.WriteLineAsync($"{name}: {parse.Errors[0].Message} (see {name} --help)").ConfigureAwait(false);
            return 2;
        }
        // The host handles Ctrl-C and SIGTERM itself, finishing the last decisions; the parser must not cut it short.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Mt4RiskBridge: the pre-trade risk service for MetaTrader 4 terminals. Without a command it runs the service. " + SettingsHelp)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, cancel) => RunAsync(parse, demo: false, error));

        var run = Service("run", "Run the service (the default). " + SettingsHelp);
        run.SetAction((parse, cancel) => RunAsync(parse, demo: false, error));
        var demo = Service("demo", "Run the service on a free loopback port with an embedded simulated terminal, printing each decision and warning.");
        // "--demo" as well: the switch the service took before it had commands.
        demo.Aliases.Add(BridgeApp.DemoSwitch);
        demo.SetAction((parse, cancel) => RunAsync(parse, demo: true, error));

        var login = new Argument<long>("login") { Description = "The MT4 account number." };
        var reason = new Argument<string[]>("reason") { Description = "Why, shown to the terminal with each refused order.", Arity = ArgumentArity.ZeroOrMore };
        var haltStateFile = StateFileOption();
        var halt = Service("halt", "Halt one account in the running service: it refuses every order that opens or adds exposure.");
        halt.Add(login);
        halt.Add(reason);
        halt.Add(haltStateFile);
        halt.SetAction((parse, cancel) =>
        {
            // The reason takes the words up to the first settings override; the overrides follow it.
            var words = parse.GetValue(reason) ?? [];
            var settingsFrom = Array.FindIndex(words, w => w.StartsWith("--", StringComparison.Ordinal));
            var because = settingsFrom < 0 ? words : words[..settingsFrom];
            string[] settings = settingsFrom < 0 ? [.. parse.UnmatchedTokens] : [.. words[settingsFrom..], .. parse.UnmatchedTokens];
            return OperatorAsync(parse, settings, true, parse.GetValue(login), string.Join(' ', because), parse.GetValue(haltStateFile), output, error, cancel);
        });

        var resumeLogin = new Argument<long>("login") { Description = "The MT4 account number." };
        var resumeStateFile = StateFileOption();
        var resume = Service("resume", "Lift an operator halt in the running service.");
        resume.Add(resumeLogin);
        resume.Add(resumeStateFile);
        resume.SetAction((parse, cancel) => OperatorAsync(parse, [.. parse.UnmatchedTokens], false, parse.GetValue(resumeLogin), null, parse.GetValue(resumeStateFile), output, error, cancel));

        var folder = new Argument<string>("folder") { Description = "Where to write the key files." };
        var keyName = new Argument<string>("name") { Description = "File name without extension.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "server" };
        var keygen = new Command("keygen", "Write a CURVE key pair for encrypted terminal connections: <folder>/<name>.pub and <folder>/<name>.key. Never overwrites a key.")
        {
            folder,
            keyName,
            new VersionOption(),
        };
        keygen.SetAction(parse => KeygenCommand.Run([parse.GetValue(folder)!, parse.GetValue(keyName)!], output, error));

        var reportFile = new Argument<string>("file") { Description = "An MT4 Detailed Statement, a Strategy Tester report or the service's decisions.jsonl." };
        var json = new Option<string?>("--json") { Description = "Write the figures as JSON to this file." };
        var html = new Option<string?>("--html") { Description = "Write the HTML report to this file (default FILE.report.html when neither output is named)." };
        var contracts = new Option<string?>("--contracts") { Description = "Contract sizes and margin currencies for non-FX symbols (docs/report.md)." };
        var accountLeverage = new Option<string?>("--account-leverage") { Description = "The account's leverage (500 or 1:500) when the file does not state it." };
        var whatIf = new Option<string?>("--what-if") { Description = "On a decisions log: judge every recorded check again under esma, asic, nfa, fsa-japan, 1:25 (a flat leverage), beginner, intermediate or experienced, and list the orders whose verdict or lots would change." };
        var report = new Command("report", "Does this trading need high leverage? Reads a statement, tester report or decisions log; prints the verdict and writes JSON and/or HTML (docs/report.md).")
        {
            reportFile,
            json,
            html,
            contracts,
            accountLeverage,
            whatIf,
            new VersionOption(),
        };
        report.SetAction(parse =>
        {
            // The report's own request parser owns the meaning of each value (1:500, paths), and its messages.
            var args = new List<string> { parse.GetValue(reportFile)! };
            foreach (var (option, value) in new[] { (json, parse.GetValue(json)), (html, parse.GetValue(html)), (contracts, parse.GetValue(contracts)), (accountLeverage, parse.GetValue(accountLeverage)), (whatIf, parse.GetValue(whatIf)) })
            {
                if (value is not null) args.AddRange([option.Name, value]);
            }
            return Reports.ReportCommand.Run(args, output, error);
        });

        root.Add(run);
        root.Add(demo);
        root.Add(halt);
        root.Add(resume);
        root.Add(keygen);
        root.Add(report);
        return root;
    }

    private static Command Service(string name, string description) =>
        new(name, description) { TreatUnmatchedTokensAsErrors = false, Options = { new VersionOption() } };

    private static Option<string?> StateFileOption() => new("--state-file")
    {
        Description = "With no service answering, write the halt to this state file (Limits:StatePath of the service) instead of failing.",
    };

    private static async Task<int> RunAsync(ParseResult parse, bool demo, TextWriter error)
    {
        if (!SettingsArguments.TryRead(parse.UnmatchedTokens, out var settings, out var problem)) return await UsageAsync(parse, problem!, error).ConfigureAwait(false);
        return await BridgeApp.RunServiceAsync(settings, demo, error).ConfigureAwait(false);
    }

    private static async Task<int> OperatorAsync(ParseResult parse, string[] tokens, bool halt, long login, string? reason, string? stateFile,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!SettingsArguments.TryRead(tokens, out var settings, out var problem)) return await UsageAsync(parse, problem!, error).ConfigureAwait(false);
        Microsoft.AspNetCore.Builder.WebApplicationBuilder builder;
        try
        {
            builder = BridgeApp.CreateBuilder(settings);
        }
        catch (InvalidDataException ex)
        {
            await error.WriteLineAsync((halt ? "halt" : "resume") + ": " + ex.Message).ConfigureAwait(false);
            return 2;
        }
        return await OperatorCommand.RunAsync(halt, login, reason, stateFile, builder.Configuration, output, error, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> UsageAsync(ParseResult parse, string problem, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var name = command is RootCommand ? "Mt4RiskBridge" : "Mt4RiskBridge " + command.Name;
        await error.WriteLineAsync($"{name}: {problem} (see {name} --help)").ConfigureAwait(false);
        return 2;
    }
}
