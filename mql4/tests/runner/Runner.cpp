// Scenario runner: loads the compiled experts into one fake terminal and drives them against a service endpoint.
//   runner <scenario> <endpoint> [--option value ...]
// Prints what it observes (PRINT/ALERT/NOTIFY/ORDERSEND/ORDERCLOSE lines as they happen, then RESULT lines) and
// exits 0 when the scenario's expectations hold, 1 when not, 2 on bad usage. A watchdog ends any run after
// --watchdog-s seconds (default 60) with exit code 3, so a hang can never stall the caller.
// "READY <tag>" means the runner waits, still running the experts' timers, for one line on stdin (or EOF).
#include "Mql4.hpp"
#include "Terminal.hpp"
#include "ZmqCounters.hpp"

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <string>

namespace
{
const char *const Monitor = "Mt4RiskBridgeMonitor";
const char *const Sample = "Mt4RiskBridgeSampleEA";

std::map<std::string, std::string> g_options;
int g_failures = 0;

std::string Option(const std::string &name, const std::string &fallback)
{
    auto found = g_options.find(name);
    return found == g_options.end() ? fallback : found->second;
}

int IntOption(const std::string &name, int fallback) { return std::stoi(Option(name, std::to_string(fallback))); }

void Expect(bool condition, const std::string &what)
{
    std::printf("%s %s\n", condition ? "EXPECT-OK" : "EXPECT-FAILED", what.c_str());
    std::fflush(stdout);
    if (!condition)
        g_failures++;
}

std::string Json(const std::string &text)
{
    std::string quoted = "\"";
    for (char c : text)
    {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

std::string Num(double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

// The terminal the scenarios share: an account with two positions and a pending order, four symbols (one out of
// Market Watch but with a position, one with a non-ASCII name).
void SetUpTerminal()
{
    FakeTerminal &t = Terminal();
    t.account.login = IntOption("login", 5001);
    t.account.company = "Soci\xc3\xa9t\xc3\xa9 Harness \xe2\x9c\x93";
    t.account.balance = 10000.0;
    t.account.equity = 10250.5;
    t.account.margin = 341.25;
    t.account.freeMargin = 9909.25;

    FakeSymbol eurusd;
    eurusd.name = "EURUSD";
    eurusd.marginRequired = 216.82;
    eurusd.baseCurrency = "EUR";
    eurusd.profitCurrency = "USD";
    eurusd.marginCurrency = "EUR";
    FakeSymbol gbpusd = eurusd;
    gbpusd.name = "GBPUSD";
    gbpusd.marginRequired = 253.0;
    gbpusd.baseCurrency = gbpusd.marginCurrency = "GBP";
    FakeSymbol gold;
    gold.name = "XAUUSD";
    gold.digits = 2;
    gold.point = 0.01;
    gold.contractSize = 100.0;
    gold.tickSize = 0.01;
    gold.tickValue = 1.0;
    gold.maxLot = 50.0;
    gold.marginHedged = 50.0;
    gold.marginRequired = 412.0;
    gold.baseCurrency = gold.marginCurrency = "XAU";
    gold.profitCurrency = "USD";
    gold.stopLevel = 20;
    FakeSymbol suffixed = eurusd;
    suffixed.name = "EURUSD.\xc3\xa9"; // EURUSD.é, a broker suffix outside Market Watch
    suffixed.inMarketWatch = false;
    t.symbols = {eurusd, gbpusd, gold, suffixed};
    t.SetQuote("EURUSD", 1.08400, 1.08412);
    t.SetQuote("GBPUSD", 1.26500, 1.26515);
    t.SetQuote("XAUUSD", 2030.10, 2030.45);
    t.SetQuote("EURUSD.\xc3\xa9", 1.08401, 1.08415);

    FakeOrder buy;
    buy.ticket = 1001;
    buy.symbol = "EURUSD";
    buy.type = OP_BUY;
    buy.lots = 0.5;
    buy.openPrice = 1.08;
    buy.sl = 1.07;
    buy.tp = 1.1;
    buy.profit = 200.0;
    buy.swap = -1.2;
    buy.commission = -3.5;
    buy.openTime = t.serverTimeAtStart - 3600;
    buy.magic = 7;
    FakeOrder sell;
    sell.ticket = 1002;
    sell.symbol = "EURUSD.\xc3\xa9";
    sell.type = OP_SELL;
    sell.lots = 0.2;
    sell.openPrice = 1.085;
    sell.profit = 0.5;
    sell.openTime = t.serverTimeAtStart - 600;
    FakeOrder pending;
    pending.ticket = 1003;
    pending.symbol = "GBPUSD";
    pending.type = OP_BUYLIMIT;
    pending.lots = 0.1;
    pending.openPrice = 1.25;
    t.orders = {buy, sell, pending};
    t.chartSymbol = "EURUSD";
    RefreshRates();
}

// One line with the terminal as the service should come to see it.
void PrintTerminalView()
{
    FakeTerminal &t = Terminal();
    std::ostringstream out;
    out << "TERMINAL {\"login\":" << t.account.login << ",\"currency\":" << Json(t.account.currency)
        << ",\"balance\":" << Num(t.account.balance) << ",\"equity\":" << Num(t.account.equity)
        << ",\"margin\":" << Num(t.account.margin) << ",\"leverage\":" << t.account.leverage << ",\"symbols\":[";
    for (size_t i = 0; i < t.symbols.size(); ++i)
    {
        const FakeSymbol &s = t.symbols[i];
        out << (i ? "," : "") << "{\"name\":" << Json(s.name) << ",\"digits\":" << s.digits
            << ",\"contractSize\":" << Num(s.contractSize) << ",\"tickSize\":" << Num(s.tickSize)
            << ",\"tickValue\":" << Num(s.tickValue) << ",\"minLot\":" << Num(s.minLot) << ",\"maxLot\":" << Num(s.maxLot)
            << ",\"lotStep\":" << Num(s.lotStep) << ",\"marginCalcMode\":" << s.marginCalcMode
            << ",\"baseCurrency\":" << Json(s.baseCurrency) << ",\"profitCurrency\":" << Json(s.profitCurrency)
            << ",\"bid\":" << Num(s.bid) << ",\"ask\":" << Num(s.ask) << "}";
    }
    out << "],\"positions\":[";
    bool first = true;
    for (const FakeOrder &o : t.orders)
    {
        if (o.type != OP_BUY && o.type != OP_SELL)
            continue;
        out << (first ? "" : ",") << "{\"ticket\":" << o.ticket << ",\"symbol\":" << Json(o.symbol)
            << ",\"side\":" << Json(o.type == OP_BUY ? "buy" : "sell") << ",\"lots\":" << Num(o.lots)
            << ",\"openPrice\":" << Num(o.openPrice) << "}";
        first = false;
    }
    out << "]}";
    std::printf("%s\n", out.str().c_str());
    std::fflush(stdout);
}

bool StdinLine()
{
    static std::string pending;
    pollfd fd{0, POLLIN, 0};
    while (::poll(&fd, 1, 0) > 0)
    {
        char buffer[256];
        ssize_t n = ::read(0, buffer, sizeof buffer);
        if (n <= 0)
            return true; // EOF: the caller is gone, go on
        pending.append(buffer, static_cast<size_t>(n));
        size_t newline = pending.find('\n');
        if (newline != std::string::npos)
        {
            pending.erase(0, newline + 1);
            return true;
        }
    }
    return false;
}

// Announces a pause and keeps the experts' timers running until the caller writes a line.
bool Ready(const std::string &tag)
{
    std::printf("READY %s\n", tag.c_str());
    std::fflush(stdout);
    bool went = Terminal().RunFor(IntOption("ready-timeout-ms", 30000), StdinLine);
    Expect(went, "a go line after READY " + tag);
    return went;
}

int Probe(const char *program, const char *probe) { return std::stoi(Terminal().Probe(program, probe)); }

void SetCommonInputs(const char *program)
{
    FakeTerminal &t = Terminal();
    t.SetInput(program, "Endpoint", Option("endpoint", ""));
    t.SetInput(program, "TimeoutMs", Option("timeout-ms", "500"));
    t.SetInput(program, "FailMode", Option("fail-mode", "closed") == "open" ? "1" : "0");
    t.SetInput(program, "Token", Option("token", ""));
}

// Starts the monitor and waits (bounded) until it has been welcomed and has streamed the full state.
bool StartMonitor(bool expectService = true)
{
    FakeTerminal &t = Terminal();
    t.Load(Monitor);
    SetCommonInputs(Monitor);
    t.SetInput(Monitor, "TimerMs", "20");
    t.SetInput(Monitor, "TickThrottleMs", "100");
    t.SetInput(Monitor, "RefreshSeconds", "1");
    t.SetInput(Monitor, "EnforceInstructions", Option("enforce", "true"));
    int init = t.Init(Monitor);
    Expect(init == INIT_SUCCEEDED, "monitor OnInit succeeded");
    if (!expectService)
        return init == INIT_SUCCEEDED;
    bool streamed = t.RunFor(5000, [] { return Probe(Monitor, "welcomes") >= 1 && Probe(Monitor, "resyncs") >= 1; });
    Expect(streamed, "monitor welcomed and full state sent within 5 s");
    return streamed;
}

void StartSample()
{
    FakeTerminal &t = Terminal();
    t.Load(Sample);
    SetCommonInputs(Sample);
    t.SetInput(Sample, "Lots", Option("lots", "0.10"));
    t.SetInput(Sample, "StopLossPoints", Option("sl-points", "300"));
    t.SetInput(Sample, "TakeProfitPoints", Option("tp-points", "600"));
    t.SetInput(Sample, "Magic", "4242");
    t.SetInput(Sample, "RetrySeconds", "0");
    Expect(t.Init(Sample) == INIT_SUCCEEDED, "sample EA OnInit succeeded");
}

void Finish()
{
    FakeTerminal &t = Terminal();
    t.RunFor(600); // one more panel refresh
    auto panel = t.comments.find(Monitor);
    if (panel != t.comments.end())
    {
        std::string text = panel->second;
        for (char &c : text)
            if (c == '\n')
                c = '|';
        std::printf("RESULT panel=%s\n", text.c_str());
    }
    auto start = std::chrono::steady_clock::now();
    t.Deinit(Sample, REASON_REMOVE);
    t.Deinit(Monitor, REASON_REMOVE);
    long ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    std::printf("RESULT deinitMs=%ld\n", ms);
    Expect(ms < 1000, "OnDeinit returns promptly (LINGER 0)");
}

// ---- scenarios -------------------------------------------------------------------------------------------------

// hello and full state reach the service; the caller compares its view with the TERMINAL line.
void ScenarioState()
{
    if (!StartMonitor())
        return;
    PrintTerminalView();
    std::printf("RESULT session=%s\n", Terminal().Probe(Monitor, "session").c_str());
    Ready("state");
}

// one order through RiskBridgeOrderSend: --expect sent|none, --expect-lots, --max-ms, --monitor, --pause
void ScenarioOrder()
{
    FakeTerminal &t = Terminal();
    if (Option("monitor", "false") == "true" && !StartMonitor())
        return;
    StartSample();
    if (Option("pause", "false") == "true")
        Ready("before-order");
    size_t before = t.sent.size();
    RefreshRates();
    auto start = std::chrono::steady_clock::now();
    t.Tick(Sample);
    long ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    // the EA reports GetLastError() in its own Print, as an EA in the terminal would
    int error = 0;
    for (const Said &said : t.prints)
    {
        size_t at = said.program == Sample ? said.text.find("(error ") : std::string::npos;
        if (at != std::string::npos)
            error = std::stoi(said.text.substr(at + 7));
    }
    if (Option("monitor", "false") == "true")
        t.RunFor(600); // the panel picks up the decision
    std::string reason = t.Probe(Sample, "lastReason");
    std::printf("RESULT tickMs=%ld\nRESULT verdict=%s\nRESULT lastError=%d\nRESULT reason=%s\n", ms,
                t.Probe(Sample, "lastVerdict").c_str(), error, reason.c_str());
    bool sent = t.sent.size() > before;
    if (sent)
        std::printf("RESULT sentLots=%.2f\n", t.sent.back().lots);
    std::string expect = Option("expect", "sent");
    Expect(sent == (expect == "sent"), "OrderSend " + std::string(expect == "sent" ? "called" : "not called"));
    if (sent && g_options.count("expect-lots"))
        Expect(std::fabs(t.sent.back().lots - std::stod(Option("expect-lots", "0"))) < 1e-9,
               "OrderSend received " + Option("expect-lots", "") + " lots");
    if (g_options.count("max-ms"))
        Expect(ms <= IntOption("max-ms", 0), "the order took at most " + Option("max-ms", "") + " ms");
    if (g_options.count("expect-error"))
        Expect(error == IntOption("expect-error", 0), "GetLastError() == " + Option("expect-error", ""));
    for (const char *word : {"expect-reason", "expect-reason2"})
        if (g_options.count(word))
            Expect(reason.find(Option(word, "")) != std::string::npos, "reason mentions " + Option(word, ""));
}

// the service goes away and comes back (the caller restarts it between the two READY lines)
void ScenarioRestart()
{
    if (!StartMonitor())
        return;
    PrintTerminalView();
    std::string first = Terminal().Probe(Monitor, "session");
    int resyncs = Probe(Monitor, "resyncs");
    int welcomes = Probe(Monitor, "welcomes");
    if (!Ready("up"))
        return;
    bool back = Terminal().RunFor(IntOption("resync-timeout-ms", 20000), [&] {
        return Probe(Monitor, "welcomes") > welcomes && Probe(Monitor, "resyncs") > resyncs;
    });
    std::printf("RESULT firstSession=%s\nRESULT secondSession=%s\nRESULT resyncs=%d\n", first.c_str(),
                Terminal().Probe(Monitor, "session").c_str(), Probe(Monitor, "resyncs"));
    Expect(back, "the monitor said hello again and resent the full state to the new service");
    if (back)
        Ready("resynced");
}

// warnings and instructions pushed by the service
void ScenarioPushes()
{
    if (!StartMonitor())
        return;
    int warnings = IntOption("expect-warnings", 1);
    int closes = IntOption("expect-closed", 1);
    bool done = Terminal().RunFor(10000, [&] {
        return Probe(Monitor, "warnings") >= warnings && Probe(Monitor, "closed") >= closes;
    });
    std::printf("RESULT warnings=%d\nRESULT closed=%d\nRESULT alerts=%zu\nRESULT notifications=%zu\n",
                Probe(Monitor, "warnings"), Probe(Monitor, "closed"), Terminal().alerts.size(),
                Terminal().notifications.size());
    Expect(done, "the pushed warnings were handled and the instructed close carried out");
}

// many checks and timer runs: still one socket per expert, one context per terminal
void ScenarioSockets()
{
    FakeTerminal &t = Terminal();
    int before = ZmqShimCounters::SocketsCreated();
    if (!StartMonitor())
        return;
    StartSample();
    int checks = IntOption("checks", 20);
    for (int i = 0; i < checks; ++i)
    {
        t.Tick(Sample);
        t.RunFor(20);
    }
    std::printf("RESULT checks=%d\nRESULT socketsCreated=%d\nRESULT socketsOpen=%d\nRESULT contextsCreated=%d\n"
                "RESULT connects=%d\nRESULT ordersSent=%zu\n",
                checks, ZmqShimCounters::SocketsCreated(), ZmqShimCounters::SocketsOpen(),
                ZmqShimCounters::ContextsCreated(), ZmqShimCounters::Connects(), t.sent.size());
    Expect(before == 2 && ZmqShimCounters::SocketsCreated() == 2, "two sockets in all (one per expert), made at load");
    Expect(ZmqShimCounters::ContextsCreated() == 1, "one ZeroMQ context for the terminal");
    Expect(ZmqShimCounters::Connects() == 2, "each expert connected once");
}

void Watchdog(int)
{
    const char message[] = "WATCHDOG the scenario did not finish in time\n";
    (void)!::write(1, message, sizeof message - 1);
    ::_exit(3);
}
}

int main(int argc, char **argv)
{
    if (argc < 3)
    {
        std::fprintf(stderr, "usage: runner state|order|restart|pushes|sockets ENDPOINT [--option value]...\n");
        return 2;
    }
    std::string scenario = argv[1];
    g_options["endpoint"] = argv[2];
    for (int i = 3; i + 1 < argc; i += 2)
    {
        if (std::strncmp(argv[i], "--", 2) != 0)
        {
            std::fprintf(stderr, "expected --option, got %s\n", argv[i]);
            return 2;
        }
        g_options[argv[i] + 2] = argv[i + 1];
    }
    std::signal(SIGALRM, Watchdog);
    ::alarm(static_cast<unsigned>(IntOption("watchdog-s", 60)));
    SetUpTerminal();
    {
        char path[4096];
        ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
        std::string self = n > 0 ? std::string(path, static_cast<size_t>(n)) : std::string("./runner");
        Terminal().expertsDirectory = Option("experts", self.substr(0, self.rfind('/')) + "/experts");
    }
    try
    {
        if (scenario == "state")
            ScenarioState();
        else if (scenario == "order")
            ScenarioOrder();
        else if (scenario == "restart")
            ScenarioRestart();
        else if (scenario == "pushes")
            ScenarioPushes();
        else if (scenario == "sockets")
            ScenarioSockets();
        else
        {
            std::fprintf(stderr, "unknown scenario %s\n", scenario.c_str());
            return 2;
        }
        Finish();
    }
    catch (const std::exception &e)
    {
        std::printf("EXPECT-FAILED exception: %s\n", e.what());
        g_failures++;
    }
    std::printf("%s\n", g_failures == 0 ? "PASS" : "FAIL");
    std::fflush(stdout);
    return g_failures == 0 ? 0 : 1;
}
