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
const char *const Example = "ReadmeExample"; // the integration example of mql4/README.md

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
    if (g_options.count("server-key"))
        t.SetInput(program, "ServerKey", Option("server-key", ""));
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
    t.SetInput(Sample, "RiskPercent", Option("risk-percent", "0"));
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
    t.Deinit(Example, REASON_REMOVE);
    t.Deinit(Sample, REASON_REMOVE);
    t.Deinit(Monitor, REASON_REMOVE);
    long ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    std::printf("RESULT deinitMs=%ld\n", ms);
    Expect(ms < 1000, "OnDeinit returns promptly (LINGER 0)");
    Expect(ZmqShimCounters::SocketsOpen() == 0, "every socket closed once the experts are removed");
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

// many checks and timer runs: still one socket and one context per expert
void ScenarioSockets()
{
    FakeTerminal &t = Terminal();
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
    Expect(ZmqShimCounters::SocketsCreated() == 2, "two sockets in all (one per expert)");
    Expect(ZmqShimCounters::ContextsCreated() == 2, "one ZeroMQ context per expert");
    Expect(ZmqShimCounters::Connects() == 2, "each expert connected once");
}

// "Allow DLL imports" off: each expert fails OnInit with its own alert and is not stopped by a refused DLL call
void ScenarioDllsOff()
{
    FakeTerminal &t = Terminal();
    t.dllsAllowed = false;
    for (const char *program : {Monitor, Sample})
    {
        t.Load(program);
        SetCommonInputs(program);
        int init = t.Init(program);
        std::printf("RESULT init.%s=%d\n", program, init);
        Expect(init == INIT_FAILED, std::string(program) + " OnInit returned INIT_FAILED");
        bool alerted = false;
        for (const Said &said : t.alerts)
            alerted = alerted || (said.program == program && said.text.find("Allow DLL imports") != std::string::npos);
        Expect(alerted, std::string(program) + " alerted that DLL imports must be allowed");
        Expect(!t.Stopped(program), std::string(program) + " was not stopped by a refused DLL call");
    }
}

// the decision takes longer than the quote lasts: the order goes out at the refreshed price and is accepted
void ScenarioSlowDecision()
{
    FakeTerminal &t = Terminal();
    StartSample();
    FakeSymbol *eurusd = t.Find("EURUSD");
    double moved = 20 * eurusd->point;
    t.ScheduleQuote("EURUSD", eurusd->bid + moved, eurusd->ask + moved, IntOption("move-after-ms", 300));
    double expected = eurusd->ask + moved;
    RefreshRates();
    size_t before = t.sent.size();
    t.Tick(Sample);
    bool sent = t.sent.size() > before;
    Expect(sent, "OrderSend called");
    if (!sent)
        return;
    const SentOrder &order = t.sent.back();
    std::printf("RESULT price=%.5f\nRESULT ticket=%d\n", order.price, order.ticket);
    Expect(order.ticket > 0, "the trade server accepted the order");
    Expect(std::fabs(order.price - expected) < 1e-9, "the order went out at the refreshed ask");
}

// a strategy EA that never reads pushed warnings: nothing piles up, no "inbox full"
void ScenarioStrategyPushes()
{
    FakeTerminal &t = Terminal();
    StartSample();
    int expected = IntOption("expect-pushes", 300);
    bool seen = false;
    for (int i = 0; i < 50 && !seen; ++i)
    {
        t.Tick(Sample);
        t.RunFor(50);
        seen = Probe(Sample, "pushesSeen") >= expected;
    }
    std::printf("RESULT pushesSeen=%d\n", Probe(Sample, "pushesSeen"));
    Expect(seen, "the sample EA read every pushed warning");
    bool full = false;
    for (const Said &said : t.prints)
        full = full || said.text.find("inbox full") != std::string::npos;
    Expect(!full, "no \"inbox full\"");
}

// a critical warning longer than a push notification may be: the push fits, the full text is in the log
void ScenarioLongWarning()
{
    FakeTerminal &t = Terminal();
    if (!StartMonitor())
        return;
    int expected = IntOption("expect-warnings", 3);
    bool handled = t.RunFor(10000, [&] { return Probe(Monitor, "warnings") >= expected; });
    Expect(handled, "the monitor handled the warnings");
    int length = IntOption("length", 1200);
    size_t pushes = 0;
    bool fits = true;
    for (const Said &said : t.notifications)
        if (said.program == Monitor)
        {
            pushes++;
            fits = fits && StringLen(string::FromUtf8(said.text)) <= FakeTerminal::NotificationMaxChars;
        }
    bool refused = false;
    bool logged = false;
    for (const Said &said : t.prints)
    {
        // the shim's refusal lines start with the error code; a bare search would also match, say, port 42519
        refused = refused || said.text.rfind("4251 (", 0) == 0 || said.text.rfind("4253 (", 0) == 0;
        logged = logged || (said.program == Monitor && said.text.find("weekend_exposure") != std::string::npos &&
                            static_cast<int>(said.text.size()) >= length);
    }
    std::string panel = Terminal().Probe(Monitor, "panel");
    Expect(StringLen(string::FromUtf8(panel)) <= FakeTerminal::CommentMaxChars, "the panel fits what Comment shows");
    Expect(panel.find("weekend_exposure") != std::string::npos && panel.find("Last instruction: ") != std::string::npos,
           "the panel shows the warning and keeps its last line");
    std::printf("RESULT notifications=%zu\n", pushes);
    Expect(pushes == 1, "one push notification for three repeats of the warning (throttled)");
    Expect(fits, "the push notification has at most 255 characters");
    Expect(!refused, "no push was refused by the terminal");
    Expect(logged, "the full warning text is in the Experts log");
}

// symbol specs first sent with tick value and margin 0 (no quote yet) are sent again once the figures arrive;
// scenarios.sh checks what the stand-in received
void ScenarioZeroTickValue()
{
    FakeTerminal &t = Terminal();
    FakeSymbol *eurusd = t.Find("EURUSD");
    double tickValue = eurusd->tickValue;
    double margin = eurusd->marginRequired;
    eurusd->tickValue = 0.0;
    eurusd->marginRequired = 0.0;
    if (!StartMonitor())
        return;
    t.RunFor(300);
    eurusd->tickValue = tickValue;
    eurusd->marginRequired = margin;
    t.SetQuote("EURUSD", eurusd->bid + eurusd->point, eurusd->ask + eurusd->point);
    t.RunFor(IntOption("wait-ms", 3000));
}

// a close instruction meets one requote: closed on the retry, lots rounded down to the step
void ScenarioCloseRequote()
{
    FakeTerminal &t = Terminal();
    t.Find("EURUSD")->lotStep = 0.1;
    t.requotes = 1;
    if (!StartMonitor())
        return;
    bool closed = t.RunFor(10000, [] { return Probe(Monitor, "closed") >= 1; });
    Expect(closed, "the instructed close was carried out");
    if (!closed || t.closed.empty())
        return;
    std::printf("RESULT closedLots=%.2f\nRESULT requotesLeft=%d\n", t.closed.back().lots, t.requotes);
    Expect(t.requotes == 0, "the first attempt met the requote");
    Expect(std::fabs(t.closed.back().lots - std::stod(Option("expect-lots", "0.2"))) < 1e-9,
           "closed " + Option("expect-lots", "0.2") + " lots (on the 0.1 step)");
}

// both experts given the service's CURVE public key: the monitor is welcomed and a check is answered
void ScenarioCurve()
{
    FakeTerminal &t = Terminal();
    if (!StartMonitor())
        return;
    StartSample();
    size_t before = t.sent.size();
    RefreshRates();
    t.Tick(Sample);
    Expect(t.sent.size() > before && t.sent.back().ticket > 0, "the checked order went out");
    Expect(Probe(Sample, "lastVerdict") == 0, "the CURVE service approved it");
}

// the README's integration example, as printed there: it connects, and its one order is checked and accepted
void ScenarioReadmeExample()
{
    FakeTerminal &t = Terminal();
    t.orders.clear();
    t.Load(Example);
    t.SetInput(Example, "Endpoint", Option("endpoint", ""));
    Expect(t.Init(Example) == INIT_SUCCEEDED, "the README example's OnInit succeeded");
    RefreshRates();
    t.Tick(Example);
    bool sent = !t.sent.empty() && t.sent.back().program == Example;
    Expect(sent && t.sent.back().ticket > 0, "the README example's order was checked and accepted");
}

// removed and attached again: the expert's globals are destroyed on removal and built afresh on attach (the
// stand-in pushes one warning per hello: a fresh expert has seen one, a reused one would have seen two)
void ScenarioReattach()
{
    FakeTerminal &t = Terminal();
    auto seen = [&] {
        t.RunFor(5000, [&] {
            t.Tick(Sample);
            return Probe(Sample, "pushesSeen") >= 1;
        });
        return Probe(Sample, "pushesSeen");
    };
    t.orders.clear();
    StartSample();
    int first = seen();
    t.Deinit(Sample, REASON_REMOVE);
    std::printf("RESULT socketsOpenAfterRemove=%d\n", ZmqShimCounters::SocketsOpen());
    Expect(!t.Loaded(Sample), "the removed expert is unloaded");
    Expect(ZmqShimCounters::SocketsOpen() == 0, "its socket is closed");
    StartSample();
    int second = seen();
    std::printf("RESULT pushesSeen=%d,%d\n", first, second);
    Expect(first == 1 && second == 1, "the attached-again expert starts from fresh globals");
}

// in the Strategy Tester nothing reaches the service and the order goes out unchecked
void ScenarioTester()
{
    FakeTerminal &t = Terminal();
    t.testing = true;
    t.orders.clear();
    StartSample();
    RefreshRates();
    t.Tick(Sample);
    Expect(!t.sent.empty() && t.sent.back().ticket > 0, "the order went out");
    Expect(ZmqShimCounters::SocketsCreated() == 0, "no socket was made");
    Expect(t.Probe(Sample, "lastReason").find("Strategy Tester: not checked") != std::string::npos,
           "the reason says it was not checked");
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
        std::fprintf(stderr, "usage: runner state|order|restart|pushes|sockets|dlls-off|slow-decision|strategy-pushes|long-warning|zero-tickvalue|close-requote|curve|readme-example|reattach|tester ENDPOINT [--option value]...\n");
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
        else if (scenario == "dlls-off")
            ScenarioDllsOff();
        else if (scenario == "slow-decision")
            ScenarioSlowDecision();
        else if (scenario == "strategy-pushes")
            ScenarioStrategyPushes();
        else if (scenario == "long-warning")
            ScenarioLongWarning();
        else if (scenario == "zero-tickvalue")
            ScenarioZeroTickValue();
        else if (scenario == "close-requote")
            ScenarioCloseRequote();
        else if (scenario == "curve")
            ScenarioCurve();
        else if (scenario == "readme-example")
            ScenarioReadmeExample();
        else if (scenario == "reattach")
            ScenarioReattach();
        else if (scenario == "tester")
            ScenarioTester();
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
