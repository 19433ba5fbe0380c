// The fake terminal behind the MQL4 built-ins: an account, symbols with quotes, open orders, terminal global
// variables, timers per program, and everything the programs say (Print, Alert, Comment, SendNotification) and do
// (OrderSend, OrderClose) recorded for the scenario to check.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

struct FakeAccount
{
    int login = 5001;
    std::string server = "Harness-Demo";
    std::string company = "Harness Broker";
    std::string currency = "USD";
    int leverage = 500;
    double balance = 10000.0;
    double equity = 10000.0;
    double margin = 0.0;
    double freeMargin = 10000.0;
    double marginCallLevel = 100.0;
    double stopOutLevel = 50.0;
    int stopOutMode = 0; // 0 percent, 1 money
};

struct FakeSymbol
{
    std::string name;
    int digits = 5;
    double point = 0.00001;
    double contractSize = 100000.0;
    double tickSize = 0.00001;
    double tickValue = 1.0;
    double minLot = 0.01;
    double maxLot = 100.0;
    double lotStep = 0.01;
    int marginCalcMode = 0;
    double marginInit = 0.0;
    double marginHedged = 50000.0;
    double marginRequired = 0.0;
    std::string baseCurrency;
    std::string profitCurrency;
    std::string marginCurrency;
    int stopLevel = 0;
    double bid = 0.0;
    double ask = 0.0;
    long time = 0;
    bool inMarketWatch = true;
};

struct FakeOrder
{
    int ticket = 0;
    std::string symbol;
    int type = 0;
    double lots = 0.0;
    double openPrice = 0.0;
    double sl = 0.0;
    double tp = 0.0;
    double profit = 0.0;
    double swap = 0.0;
    double commission = 0.0;
    long openTime = 0;
    long closeTime = 0;
    int magic = 0;
    std::string comment;
};

// One OrderSend call as the program made it.
struct SentOrder
{
    std::string program;
    std::string symbol;
    int cmd = 0;
    double lots = 0.0;
    double price = 0.0;
    double sl = 0.0;
    double tp = 0.0;
    int magic = 0;
    std::string comment;
    int ticket = 0;
};

struct ClosedOrder
{
    std::string program;
    int ticket = 0;
    double lots = 0.0;
    double price = 0.0;
};

struct Said
{
    std::string program;
    std::string text;
};

// A compiled EA: its event handlers, its inputs by name and read-only probes into its state.
struct ProgramHandlers
{
    std::function<int()> onInit;
    std::function<void(int)> onDeinit;
    std::function<void()> onTick;
    std::function<void()> onTimer;
    std::map<std::string, std::function<void(const std::string &)>> inputs;
    std::map<std::string, std::function<std::string()>> probes;
};

class FakeTerminal
{
public:
    FakeAccount account;
    std::vector<FakeSymbol> symbols;
    std::vector<FakeOrder> orders;
    std::vector<FakeOrder> history;
    std::vector<SentOrder> sent;
    std::vector<ClosedOrder> closed;
    std::vector<Said> prints;
    std::vector<Said> alerts;
    std::vector<Said> notifications;
    std::map<std::string, std::string> comments;
    std::map<std::string, double> globals;
    std::string chartSymbol = "EURUSD";
    long serverTimeAtStart = 1767268800; // 2026-01-01 12:00:00 server time
    bool dllsAllowed = true;            // "Allow DLL imports" for programs loaded from now on
    bool echo = true;
    bool testing = false;               // IsTesting(): the Strategy Tester
    int nextTicket = 5000;
    int requotes = 0;                   // the next this many trade requests are requoted (138) ...
    int requoteMovePoints = 5;          // ... and the quote moves by this many points each time
    std::string expertsDirectory;       // where the compiled experts (<name>.so) are
    std::vector<long long> notificationTimes; // ms since start of the notifications that went out

    // the program whose code is running, as the terminal runs each EA on its own thread
    std::string current;

    // MT4's limits: SendNotification takes 1-255 characters, at most 2 a second and 10 a minute; Comment shows
    // at most 2045 characters
    static constexpr int NotificationMaxChars = 255;
    static constexpr int CommentMaxChars = 2045;

    FakeSymbol *Find(const std::string &name);
    void SetQuote(const std::string &name, double bid, double ask);
    // a quote that reaches the terminal afterMs from now, as the feed updates quotes while a program runs
    void ScheduleQuote(const std::string &name, double bid, double ask, int afterMs);
    void ApplyFeed();

    // programs: each a shared object loaded on attach (its globals built then, as the terminal loads an .ex4)
    // and unloaded on removal (its globals destroyed); it registers its handlers while loading
    void Load(const std::string &name);
    bool Loaded(const std::string &name) const;
    bool Stopped(const std::string &name) const;
    void Register(const std::string &name, ProgramHandlers handlers);
    void Unregister(const std::string &name);
    void SetInput(const std::string &program, const std::string &input, const std::string &value);
    std::string Probe(const std::string &program, const std::string &probe);
    // OnInit's result, or -1 when the terminal stopped the program (a critical error such as a refused DLL call)
    int Init(const std::string &program);
    void Deinit(const std::string &program, int reason);
    void Tick(const std::string &program);
    // runs due timers of every started program for the given time; returns early when done() says so
    bool RunFor(int milliseconds, const std::function<bool()> &done = nullptr);

    // timer control for the running program
    bool SetTimer(int milliseconds);
    void KillTimer();

    long ServerTime() const;
    long long ElapsedMs() const;

    // a call into a DLL by the running program: false (and the program stopped) when DLL calls are not allowed
    bool DllCall(const char *dll, const char *function);
    // _LastError of the running program
    int &LastError();
    // whether the running program was attached with "Allow DLL imports"
    bool DllsAllowed() const;

    void Say(std::vector<Said> &list, const char *kind, const std::string &text);

private:
    struct Slot
    {
        ProgramHandlers handlers;
        void *library = nullptr;
        bool registered = false;
        bool dllsAllowed = true;
        bool stopped = false;
        int lastError = 0;
        bool started = false;
        int timerMs = 0;
        std::chrono::steady_clock::time_point nextTimer;
    };
    std::map<std::string, Slot> m_programs;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    struct ScheduledQuote
    {
        std::string symbol;
        double bid;
        double ask;
        long long atMs;
    };
    std::vector<ScheduledQuote> m_feed;
    std::map<std::string, int> m_lastErrors;
    int m_handlerDepth = 0;
    Slot &Get(const std::string &name);
    // runs one handler of a program as the terminal does: a critical error stops (and removes) the program
    bool Run(const std::string &name, Slot &slot, const std::function<void()> &handler);
    void Unload(const std::string &name, Slot &slot);
};

// Thrown by DllCall inside a handler: the terminal stops the program at that call.
struct ProgramStopped
{
    std::string why;
};

FakeTerminal &Terminal();
