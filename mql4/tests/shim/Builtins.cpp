// MQL4 built-ins over the FakeTerminal. Where MQL4 leaves a case loose, the shim is strict (an out-of-range
// StringSubstr length of 0 stops the program) so that the sources never lean on it.
#include "Mql4.hpp"
#include "Terminal.hpp"

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>

double Ask = 0.0;
double Bid = 0.0;
double Point = 0.00001;
int Digits = 5;

namespace
{
FakeOrder g_selected;
bool g_hasSelected = false;

constexpr int ERR_INVALID_TRADE_PARAMETERS = 3;
constexpr int ERR_INVALID_PRICE = 129;
constexpr int ERR_INVALID_STOPS = 130;
constexpr int ERR_INVALID_TRADE_VOLUME = 131;
constexpr int ERR_REQUOTE = 138;
constexpr int ERR_NOTIFICATION_WRONG_PARAMETER = 4251;
constexpr int ERR_NOTIFICATION_TOO_FREQUENT = 4253;
constexpr int ERR_INVALID_TICKET = 4108;
constexpr int ERR_UNKNOWN_SYMBOL = 4106;
constexpr int ERR_NO_ORDER_SELECTED = 4105;

void Stop(const char *what)
{
    std::fprintf(stderr, "MQL4 shim: %s\n", what);
    std::abort();
}

const FakeOrder &Selected()
{
    if (!g_hasSelected)
    {
        Terminal().LastError() = ERR_NO_ORDER_SELECTED;
        static FakeOrder none;
        return none;
    }
    return g_selected;
}
}

// ---- strings and numbers ---------------------------------------------------------------------------------------
int StringLen(const string &text)
{
    return static_cast<int>(text.Units().size());
}

string StringSubstr(const string &text, int start, int length)
{
    if (length == 0)
        Stop("StringSubstr with length 0 (MQL4 builds disagree on its meaning)");
    int size = StringLen(text);
    if (start < 0 || start >= size)
        return string();
    int count = length < 0 || start + length > size ? size - start : length;
    return string::FromUnits(text.Units().substr(static_cast<size_t>(start), static_cast<size_t>(count)));
}

int StringFind(const string &text, const string &match, int start)
{
    if (start < 0)
        start = 0;
    size_t found = text.Units().find(match.Units(), static_cast<size_t>(start));
    return found == std::u16string::npos ? -1 : static_cast<int>(found);
}

ushort StringGetCharacter(const string &text, int pos)
{
    if (pos < 0 || pos >= StringLen(text))
        return 0;
    return static_cast<ushort>(text.Units()[static_cast<size_t>(pos)]);
}

string ShortToString(ushort unit)
{
    return string::FromUnits(std::u16string(1, static_cast<char16_t>(unit)));
}

string IntegerToString(long value, int width, ushort fill)
{
    std::string digits = std::to_string(value);
    while (static_cast<int>(digits.size()) < width)
        digits.insert(digits.begin(), static_cast<char>(fill));
    return string(digits.c_str());
}

string DoubleToString(double value, int digits)
{
    char buffer[512];
    if (digits < 0 || digits > 16)
        std::snprintf(buffer, sizeof buffer, "%.*e", digits < 0 ? -digits : 8, value);
    else
        std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return string(buffer);
}

double StringToDouble(const string &text)
{
    return std::strtod(text.Utf8().c_str(), nullptr);
}

long StringToInteger(const string &text)
{
    return std::strtol(text.Utf8().c_str(), nullptr, 10);
}

int StringToCharArray(const string &text, MqlArray<uchar> &array, int start, int count, uint codepage)
{
    const std::u16string &units = text.Units();
    size_t take = count < 0 || static_cast<size_t>(count) > units.size() ? units.size() : static_cast<size_t>(count);
    std::string bytes;
    if (codepage == CP_UTF8)
        bytes = UnitsToUtf8(units.substr(0, take));
    else
        for (size_t i = 0; i < take; ++i)
            bytes.push_back(units[i] < 0x100 ? static_cast<char>(units[i]) : '?'); // an ANSI code page
    if (count < 0)
        bytes.push_back('\0');
    if (start < 0)
        start = 0;
    if (array.Size() < start + static_cast<int>(bytes.size()))
        array.Resize(start + static_cast<int>(bytes.size()));
    for (size_t i = 0; i < bytes.size(); ++i)
        array[start + static_cast<int>(i)] = static_cast<uchar>(bytes[i]);
    return static_cast<int>(bytes.size());
}

string CharArrayToString(const MqlArray<uchar> &array, int start, int count, uint codepage)
{
    int end = count < 0 || start + count > array.Size() ? array.Size() : start + count;
    std::string bytes;
    for (int i = start < 0 ? 0 : start; i < end && array[i] != 0; ++i)
        bytes.push_back(static_cast<char>(array[i]));
    if (codepage == CP_UTF8)
        return string::FromUtf8(bytes);
    std::u16string units; // an ANSI code page: each byte one character
    for (char byte : bytes)
        units.push_back(static_cast<unsigned char>(byte));
    return string::FromUnits(units);
}

string TimeToString(datetime value, int mode)
{
    std::time_t seconds = static_cast<std::time_t>(value);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char buffer[64] = "";
    std::string text;
    if (mode & TIME_DATE)
    {
        std::strftime(buffer, sizeof buffer, "%Y.%m.%d", &parts);
        text += buffer;
    }
    if (mode & (TIME_MINUTES | TIME_SECONDS))
    {
        std::strftime(buffer, sizeof buffer, (mode & TIME_SECONDS) ? "%H:%M:%S" : "%H:%M", &parts);
        text += (text.empty() ? "" : " ") + std::string(buffer);
    }
    return string(text.c_str());
}

double NormalizeDouble(double value, int digits)
{
    double scale = std::pow(10.0, digits);
    return std::round(value * scale) / scale;
}

bool MathIsValidNumber(double value)
{
    return std::isfinite(value);
}

// ---- account and market ----------------------------------------------------------------------------------------
int AccountNumber() { return Terminal().account.login; }
string AccountServer() { return string::FromUtf8(Terminal().account.server); }
string AccountCompany() { return string::FromUtf8(Terminal().account.company); }
string AccountCurrency() { return string::FromUtf8(Terminal().account.currency); }
int AccountLeverage() { return Terminal().account.leverage; }
double AccountBalance() { return Terminal().account.balance; }
double AccountEquity() { return Terminal().account.equity; }
double AccountMargin() { return Terminal().account.margin; }
double AccountFreeMargin() { return Terminal().account.freeMargin; }

double AccountInfoDouble(ENUM_ACCOUNT_INFO_DOUBLE property)
{
    const FakeAccount &a = Terminal().account;
    switch (property)
    {
    case ACCOUNT_BALANCE: return a.balance;
    case ACCOUNT_EQUITY: return a.equity;
    case ACCOUNT_MARGIN: return a.margin;
    case ACCOUNT_MARGIN_FREE: return a.freeMargin;
    case ACCOUNT_MARGIN_SO_CALL: return a.marginCallLevel;
    case ACCOUNT_MARGIN_SO_SO: return a.stopOutLevel;
    }
    return 0.0;
}

long AccountInfoInteger(ENUM_ACCOUNT_INFO_INTEGER property)
{
    const FakeAccount &a = Terminal().account;
    switch (property)
    {
    case ACCOUNT_LOGIN: return a.login;
    case ACCOUNT_LEVERAGE: return a.leverage;
    case ACCOUNT_MARGIN_SO_MODE: return a.stopOutMode;
    }
    return 0;
}

double MarketInfo(const string &name, int type)
{
    Terminal().ApplyFeed();
    FakeSymbol *s = Terminal().Find(name.Utf8());
    if (s == nullptr)
    {
        Terminal().LastError() = ERR_UNKNOWN_SYMBOL;
        return 0.0;
    }
    switch (type)
    {
    case MODE_TIME: return static_cast<double>(s->time);
    case MODE_BID: return s->bid;
    case MODE_ASK: return s->ask;
    case MODE_POINT: return s->point;
    case MODE_DIGITS: return s->digits;
    case MODE_STOPLEVEL: return s->stopLevel;
    case MODE_LOTSIZE: return s->contractSize;
    case MODE_TICKVALUE: return s->tickValue;
    case MODE_TICKSIZE: return s->tickSize;
    case MODE_MINLOT: return s->minLot;
    case MODE_LOTSTEP: return s->lotStep;
    case MODE_MAXLOT: return s->maxLot;
    case MODE_MARGINCALCMODE: return s->marginCalcMode;
    case MODE_MARGININIT: return s->marginInit;
    case MODE_MARGINHEDGED: return s->marginHedged;
    case MODE_MARGINREQUIRED: return s->marginRequired;
    }
    Stop("MarketInfo mode not in the shim");
    return 0.0;
}

string SymbolInfoString(const string &name, ENUM_SYMBOL_INFO_STRING property)
{
    FakeSymbol *s = Terminal().Find(name.Utf8());
    if (s == nullptr)
    {
        Terminal().LastError() = ERR_UNKNOWN_SYMBOL;
        return string();
    }
    switch (property)
    {
    case SYMBOL_CURRENCY_BASE: return string::FromUtf8(s->baseCurrency);
    case SYMBOL_CURRENCY_PROFIT: return string::FromUtf8(s->profitCurrency);
    case SYMBOL_CURRENCY_MARGIN: return string::FromUtf8(s->marginCurrency);
    }
    return string();
}

int SymbolsTotal(bool selected)
{
    int n = 0;
    for (const auto &s : Terminal().symbols)
        if (!selected || s.inMarketWatch)
            n++;
    return n;
}

string SymbolName(int pos, bool selected)
{
    int n = 0;
    for (const auto &s : Terminal().symbols)
        if (!selected || s.inMarketWatch)
            if (n++ == pos)
                return string::FromUtf8(s.name);
    return string();
}

string Symbol() { return string::FromUtf8(Terminal().chartSymbol); }

bool RefreshRates()
{
    Terminal().ApplyFeed();
    FakeSymbol *s = Terminal().Find(Terminal().chartSymbol);
    if (s == nullptr)
        return false;
    Ask = s->ask;
    Bid = s->bid;
    Point = s->point;
    Digits = s->digits;
    return true;
}

// ---- orders ----------------------------------------------------------------------------------------------------
int OrdersTotal() { return static_cast<int>(Terminal().orders.size()); }
int OrdersHistoryTotal() { return static_cast<int>(Terminal().history.size()); }

bool OrderSelect(int index, int select, int pool)
{
    FakeTerminal &t = Terminal();
    g_hasSelected = false;
    if (select == SELECT_BY_POS)
    {
        const auto &list = pool == MODE_HISTORY ? t.history : t.orders;
        if (index < 0 || index >= static_cast<int>(list.size()))
            return false;
        g_selected = list[static_cast<size_t>(index)];
        g_hasSelected = true;
        return true;
    }
    for (const auto *list : {&t.orders, &t.history})
        for (const auto &order : *list)
            if (order.ticket == index)
            {
                g_selected = order;
                g_hasSelected = true;
                return true;
            }
    Terminal().LastError() = ERR_INVALID_TICKET;
    return false;
}

int OrderTicket() { return Selected().ticket; }
string OrderSymbol() { return string::FromUtf8(Selected().symbol); }
int OrderType() { return Selected().type; }
double OrderLots() { return Selected().lots; }
double OrderOpenPrice() { return Selected().openPrice; }
double OrderStopLoss() { return Selected().sl; }
double OrderTakeProfit() { return Selected().tp; }
double OrderProfit() { return Selected().profit; }
double OrderSwap() { return Selected().swap; }
double OrderCommission() { return Selected().commission; }
datetime OrderOpenTime() { return Selected().openTime; }
datetime OrderCloseTime() { return Selected().closeTime; }
int OrderMagicNumber() { return Selected().magic; }

namespace
{
bool OnStep(double value, double step) { return std::fabs(value / step - std::round(value / step)) < 1e-7; }

// what the trade server checks of a volume: within min/max and a whole number of steps
bool VolumeOk(const FakeSymbol &s, double volume)
{
    return volume >= s.minLot - 1e-9 && volume <= s.maxLot + 1e-9 && OnStep(volume, s.lotStep);
}

// a price the server can take: normalised to the symbol's digits (129 otherwise); a market price within slippage
// of the current quote (138 otherwise); a pending requote moves the quote and answers 138
int PriceError(FakeSymbol &s, double price, double quote, int slippage)
{
    FakeTerminal &t = Terminal();
    if (!(price > 0.0) || std::fabs(price - NormalizeDouble(price, s.digits)) > s.point * 1e-3)
        return ERR_INVALID_PRICE;
    if (t.requotes > 0)
    {
        t.requotes--;
        t.SetQuote(s.name, s.bid + t.requoteMovePoints * s.point, s.ask + t.requoteMovePoints * s.point);
        return ERR_REQUOTE;
    }
    if (std::fabs(price - quote) > slippage * s.point + s.point * 1e-3)
        return ERR_REQUOTE;
    return 0;
}

// stops of a buy beyond MODE_STOPLEVEL points from the bid, of a sell from the ask (130 otherwise)
bool StopsOk(const FakeSymbol &s, bool buy, double sl, double tp)
{
    double gap = s.stopLevel * s.point;
    if (buy)
        return (sl == 0.0 || sl < s.bid - gap - 1e-12) && (tp == 0.0 || tp > s.bid + gap + 1e-12);
    return (sl == 0.0 || sl > s.ask + gap + 1e-12) && (tp == 0.0 || tp < s.ask - gap - 1e-12);
}
}

int OrderSend(const string &symbol, int cmd, double volume, double price, int slippage, double stoploss,
              double takeprofit, const string &comment, int magic, datetime expiration, color arrow_color)
{
    (void)expiration;
    (void)arrow_color;
    FakeTerminal &t = Terminal();
    t.ApplyFeed();
    SentOrder record{t.current, symbol.Utf8(), cmd, volume, price, stoploss, takeprofit, magic, comment.Utf8(), -1};
    FakeSymbol *s = t.Find(record.symbol);
    bool buy = cmd == OP_BUY || cmd == OP_BUYLIMIT || cmd == OP_BUYSTOP;
    bool market = cmd == OP_BUY || cmd == OP_SELL;
    int error = 0;
    if (s == nullptr || cmd < OP_BUY || cmd > OP_SELLSTOP)
        error = s == nullptr ? ERR_UNKNOWN_SYMBOL : ERR_INVALID_TRADE_PARAMETERS;
    else if (!VolumeOk(*s, volume))
        error = ERR_INVALID_TRADE_VOLUME;
    else if (market && (error = PriceError(*s, price, buy ? s->ask : s->bid, slippage)) != 0)
    {
    }
    else if (!StopsOk(*s, buy, stoploss, takeprofit))
        error = ERR_INVALID_STOPS;
    if (error != 0)
        t.LastError() = error;
    else
    {
        FakeOrder order;
        order.ticket = ++t.nextTicket;
        order.symbol = record.symbol;
        order.type = cmd;
        order.lots = volume;
        order.openPrice = market ? (buy ? s->ask : s->bid) : price;
        order.sl = stoploss;
        order.tp = takeprofit;
        order.openTime = t.ServerTime();
        order.magic = magic;
        order.comment = record.comment;
        t.orders.push_back(order);
        record.ticket = order.ticket;
    }
    t.sent.push_back(record);
    if (t.echo)
    {
        std::printf("ORDERSEND [%s] %s cmd=%d lots=%.2f price=%.5f sl=%.5f tp=%.5f magic=%d ticket=%d error=%d\n",
                    t.current.c_str(), record.symbol.c_str(), cmd, volume, price, stoploss, takeprofit, magic,
                    record.ticket, error);
        std::fflush(stdout);
    }
    return record.ticket;
}

bool OrderClose(int ticket, double lots, double price, int slippage, color arrow_color)
{
    (void)arrow_color;
    FakeTerminal &t = Terminal();
    t.ApplyFeed();
    for (size_t i = 0; i < t.orders.size(); ++i)
    {
        FakeOrder &order = t.orders[i];
        if (order.ticket != ticket)
            continue;
        FakeSymbol *s = t.Find(order.symbol);
        int error = 0;
        bool whole = std::fabs(lots - order.lots) < 1e-9;
        if ((order.type != OP_BUY && order.type != OP_SELL) || s == nullptr)
            error = ERR_INVALID_TRADE_PARAMETERS;
        else if (lots <= 0.0 || lots > order.lots + 1e-9 || (!whole && !VolumeOk(*s, lots)))
            error = ERR_INVALID_TRADE_VOLUME;
        else
            error = PriceError(*s, price, order.type == OP_BUY ? s->bid : s->ask, slippage);
        if (t.echo)
        {
            std::printf("ORDERCLOSE [%s] ticket=%d lots=%.2f price=%.5f error=%d\n", t.current.c_str(), ticket, lots,
                        price, error);
            std::fflush(stdout);
        }
        if (error != 0)
        {
            t.LastError() = error;
            return false;
        }
        t.closed.push_back({t.current, ticket, lots, price});
        if (lots >= order.lots - 1e-9)
        {
            order.closeTime = t.ServerTime();
            t.history.push_back(order);
            t.orders.erase(t.orders.begin() + static_cast<long>(i));
        }
        else
            order.lots = NormalizeDouble(order.lots - lots, 2); // MT4 reopens the rest under a new ticket; the harness keeps the ticket
        return true;
    }
    t.LastError() = ERR_INVALID_TICKET;
    return false;
}

bool OrderModify(int ticket, double price, double stoploss, double takeprofit, datetime expiration, color arrow_color)
{
    (void)price;
    (void)expiration;
    (void)arrow_color;
    FakeTerminal &t = Terminal();
    for (FakeOrder &order : t.orders)
    {
        if (order.ticket != ticket)
            continue;
        FakeSymbol *s = t.Find(order.symbol);
        bool buy = order.type == OP_BUY || order.type == OP_BUYLIMIT || order.type == OP_BUYSTOP;
        if (s == nullptr || !StopsOk(*s, buy, stoploss, takeprofit))
        {
            t.LastError() = ERR_INVALID_STOPS;
            return false;
        }
        order.sl = stoploss;
        order.tp = takeprofit;
        return true;
    }
    t.LastError() = ERR_INVALID_TICKET;
    return false;
}

bool OrderDelete(int ticket, color arrow_color)
{
    (void)arrow_color;
    FakeTerminal &t = Terminal();
    for (size_t i = 0; i < t.orders.size(); ++i)
        if (t.orders[i].ticket == ticket && t.orders[i].type > OP_SELL)
        {
            t.orders[i].closeTime = t.ServerTime();
            t.history.push_back(t.orders[i]);
            t.orders.erase(t.orders.begin() + static_cast<long>(i));
            return true;
        }
    Terminal().LastError() = ERR_INVALID_TICKET;
    return false;
}

// ---- program, time, events, output -----------------------------------------------------------------------------
datetime TimeCurrent() { return Terminal().ServerTime(); }

uint GetTickCount()
{
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    return static_cast<uint>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

bool EventSetMillisecondTimer(int milliseconds) { return Terminal().SetTimer(milliseconds); }
void EventKillTimer() { Terminal().KillTimer(); }
string WindowExpertName() { return string::FromUtf8(Terminal().current); }
bool IsTesting() { return Terminal().testing; }
void Sleep(int milliseconds) { std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds < 0 ? 0 : milliseconds)); }
int MQLInfoInteger(ENUM_MQL_INFO_INTEGER property)
{
    return property == MQL_DLLS_ALLOWED && !Terminal().Stopped(Terminal().current) && Terminal().DllsAllowed() ? 1 : 0;
}

int GetLastError()
{
    int error = Terminal().LastError();
    Terminal().LastError() = 0;
    return error;
}

void ResetLastError() { Terminal().LastError() = 0; }
void SetUserError(ushort code) { Terminal().LastError() = ERR_USER_ERROR_FIRST + code; }

// the chart shows at most CommentMaxChars characters; the rest is cut off
void Comment(const string &text)
{
    FakeTerminal &t = Terminal();
    t.comments[t.current] = StringLen(text) > FakeTerminal::CommentMaxChars
                                ? StringSubstr(text, 0, FakeTerminal::CommentMaxChars).Utf8()
                                : text.Utf8();
}

// 1-255 characters (4251 otherwise), at most 2 a second and 10 a minute (4253 otherwise)
bool SendNotification(const string &text)
{
    FakeTerminal &t = Terminal();
    int length = StringLen(text);
    if (length == 0 || length > FakeTerminal::NotificationMaxChars)
    {
        t.LastError() = ERR_NOTIFICATION_WRONG_PARAMETER;
        t.Say(t.prints, "NOTIFY-REFUSED", "4251 (" + std::to_string(length) + " characters)");
        return false;
    }
    long long now = t.ElapsedMs();
    int lastSecond = 0;
    int lastMinute = 0;
    for (long long at : t.notificationTimes)
    {
        lastSecond += now - at < 1000 ? 1 : 0;
        lastMinute += now - at < 60000 ? 1 : 0;
    }
    if (lastSecond >= 2 || lastMinute >= 10)
    {
        t.LastError() = ERR_NOTIFICATION_TOO_FREQUENT;
        t.Say(t.prints, "NOTIFY-REFUSED", "4253 (too frequent)");
        return false;
    }
    t.notificationTimes.push_back(now);
    t.Say(t.notifications, "NOTIFY", text.Utf8());
    return true;
}

double GlobalVariableSet(const string &name, double value)
{
    Terminal().globals[name.Utf8()] = value;
    return static_cast<double>(Terminal().ServerTime());
}

double GlobalVariableGet(const string &name)
{
    auto found = Terminal().globals.find(name.Utf8());
    return found == Terminal().globals.end() ? 0.0 : found->second;
}

bool GlobalVariableCheck(const string &name) { return Terminal().globals.count(name.Utf8()) != 0; }

void mql_shim::PrintLine(const std::string &line) { Terminal().Say(Terminal().prints, "PRINT", line); }
void mql_shim::AlertLine(const std::string &line) { Terminal().Say(Terminal().alerts, "ALERT", line); }
