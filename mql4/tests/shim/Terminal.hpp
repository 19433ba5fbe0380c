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
    bool dllsAllowed = true;
    bool echo = true;
    int nextTicket = 5000;

    // the program whose code is running, as the terminal runs each EA on its own thread
    std::string current;

    FakeSymbol *Find(const std::string &name);
    void SetQuote(const std::string &name, double bid, double ask);

    // programs: registered at load by Program.cpp, driven by the scenario
    void Register(const std::string &name, ProgramHandlers handlers);
    bool Has(const std::string &name) const;
    void SetInput(const std::string &program, const std::string &input, const std::string &value);
    std::string Probe(const std::string &program, const std::string &probe);
    int Init(const std::string &program);
    void Deinit(const std::string &program, int reason);
    void Tick(const std::string &program);
    // runs due timers of every started program for the given time; returns early when done() says so
    bool RunFor(int milliseconds, const std::function<bool()> &done = nullptr);

    // timer control for the running program
    bool SetTimer(int milliseconds);
    void KillTimer();

    long ServerTime() const;

    void Say(std::vector<Said> &list, const char *kind, const std::string &text);

private:
    struct Slot
    {
        ProgramHandlers handlers;
        bool started = false;
        int timerMs = 0;
        std::chrono::steady_clock::time_point nextTimer;
    };
    std::map<std::string, Slot> m_programs;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    Slot &Get(const std::string &name);
};

FakeTerminal &Terminal();
