// The MQL4 built-ins the Mt4RiskBridge sources use, for compiling them with g++. Types, constants and functions
// keep their MQL4 names and meanings; the functions read and change the scenario-driven FakeTerminal.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>

#include "MqlArray.hpp"
#include "MqlString.hpp"

typedef unsigned char uchar;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef long datetime;
typedef unsigned int color;

// ---- constants -------------------------------------------------------------------------------------------------
constexpr int WHOLE_ARRAY = -1;
constexpr uint CP_ACP = 0;
constexpr uint CP_UTF8 = 65001;
constexpr color clrNONE = 0xFFFFFFFF;
constexpr int ERR_USER_ERROR_FIRST = 65536;
constexpr int INIT_SUCCEEDED = 0;
constexpr int INIT_FAILED = 1;
constexpr int REASON_REMOVE = 1;

constexpr int OP_BUY = 0;
constexpr int OP_SELL = 1;
constexpr int OP_BUYLIMIT = 2;
constexpr int OP_SELLLIMIT = 3;
constexpr int OP_BUYSTOP = 4;
constexpr int OP_SELLSTOP = 5;
constexpr int SELECT_BY_POS = 0;
constexpr int SELECT_BY_TICKET = 1;
constexpr int MODE_TRADES = 0;
constexpr int MODE_HISTORY = 1;

constexpr int MODE_TIME = 5;
constexpr int MODE_BID = 9;
constexpr int MODE_ASK = 10;
constexpr int MODE_POINT = 11;
constexpr int MODE_DIGITS = 12;
constexpr int MODE_STOPLEVEL = 14;
constexpr int MODE_LOTSIZE = 15;
constexpr int MODE_TICKVALUE = 16;
constexpr int MODE_TICKSIZE = 17;
constexpr int MODE_MINLOT = 23;
constexpr int MODE_LOTSTEP = 24;
constexpr int MODE_MAXLOT = 25;
constexpr int MODE_MARGINCALCMODE = 28;
constexpr int MODE_MARGININIT = 29;
constexpr int MODE_MARGINHEDGED = 31;
constexpr int MODE_MARGINREQUIRED = 32;

constexpr int TIME_DATE = 1;
constexpr int TIME_MINUTES = 2;
constexpr int TIME_SECONDS = 4;

enum ENUM_ACCOUNT_INFO_DOUBLE
{
    ACCOUNT_BALANCE,
    ACCOUNT_EQUITY,
    ACCOUNT_MARGIN,
    ACCOUNT_MARGIN_FREE,
    ACCOUNT_MARGIN_SO_CALL,
    ACCOUNT_MARGIN_SO_SO,
};
enum ENUM_ACCOUNT_INFO_INTEGER
{
    ACCOUNT_LOGIN,
    ACCOUNT_LEVERAGE,
    ACCOUNT_MARGIN_SO_MODE,
};
enum ENUM_ACCOUNT_STOPOUT_MODE
{
    ACCOUNT_STOPOUT_MODE_PERCENT,
    ACCOUNT_STOPOUT_MODE_MONEY,
};
enum ENUM_SYMBOL_INFO_STRING
{
    SYMBOL_CURRENCY_BASE,
    SYMBOL_CURRENCY_PROFIT,
    SYMBOL_CURRENCY_MARGIN,
};
enum ENUM_MQL_INFO_INTEGER
{
    MQL_DLLS_ALLOWED,
};

// ---- predefined variables of the chart the program runs on -----------------------------------------------------
extern double Ask;
extern double Bid;
extern double Point;
extern int Digits;

// ---- strings and numbers ---------------------------------------------------------------------------------------
int StringLen(const string &text);
string StringSubstr(const string &text, int start, int length = -1);
int StringFind(const string &text, const string &match, int start = 0);
ushort StringGetCharacter(const string &text, int pos);
string ShortToString(ushort unit);
string IntegerToString(long value, int width = 0, ushort fill = ' ');
string DoubleToString(double value, int digits = 8);
double StringToDouble(const string &text);
long StringToInteger(const string &text);
int StringToCharArray(const string &text, MqlArray<uchar> &array, int start = 0, int count = -1, uint codepage = CP_ACP);
string CharArrayToString(const MqlArray<uchar> &array, int start = 0, int count = -1, uint codepage = CP_ACP);
string TimeToString(datetime value, int mode = TIME_DATE | TIME_MINUTES);
double NormalizeDouble(double value, int digits);
bool MathIsValidNumber(double value);
inline double MathAbs(double value) { return std::fabs(value); }
inline double MathMax(double a, double b) { return a > b ? a : b; }
inline double MathMin(double a, double b) { return a < b ? a : b; }
inline double MathFloor(double value) { return std::floor(value); }
inline double MathRound(double value) { return std::round(value); }
inline double MathPow(double base, double exponent) { return std::pow(base, exponent); }

// ---- terminal: account, market, orders --------------------------------------------------------------------------
int AccountNumber();
string AccountServer();
string AccountCompany();
string AccountCurrency();
int AccountLeverage();
double AccountBalance();
double AccountEquity();
double AccountMargin();
double AccountFreeMargin();
double AccountInfoDouble(ENUM_ACCOUNT_INFO_DOUBLE property);
long AccountInfoInteger(ENUM_ACCOUNT_INFO_INTEGER property);
double MarketInfo(const string &symbol, int type);
string SymbolInfoString(const string &symbol, ENUM_SYMBOL_INFO_STRING property);
int SymbolsTotal(bool selected);
string SymbolName(int pos, bool selected);
string Symbol();
bool RefreshRates();
int OrdersTotal();
int OrdersHistoryTotal();
bool OrderSelect(int index, int select, int pool = MODE_TRADES);
int OrderTicket();
string OrderSymbol();
int OrderType();
double OrderLots();
double OrderOpenPrice();
double OrderStopLoss();
double OrderTakeProfit();
double OrderProfit();
double OrderSwap();
double OrderCommission();
datetime OrderOpenTime();
datetime OrderCloseTime();
int OrderMagicNumber();
int OrderSend(const string &symbol, int cmd, double volume, double price, int slippage, double stoploss,
              double takeprofit, const string &comment = "", int magic = 0, datetime expiration = 0,
              color arrow_color = clrNONE);
bool OrderClose(int ticket, double lots, double price, int slippage, color arrow_color = clrNONE);
bool OrderDelete(int ticket, color arrow_color = clrNONE);
bool OrderModify(int ticket, double price, double stoploss, double takeprofit, datetime expiration,
                 color arrow_color = clrNONE);

// ---- program, time, events, output -----------------------------------------------------------------------------
datetime TimeCurrent();
uint GetTickCount();
bool EventSetMillisecondTimer(int milliseconds);
void EventKillTimer();
string WindowExpertName();
bool IsTesting();
void Sleep(int milliseconds);
int MQLInfoInteger(ENUM_MQL_INFO_INTEGER property);
int GetLastError();
void ResetLastError();
void SetUserError(ushort code);
void Comment(const string &text);
bool SendNotification(const string &text);
double GlobalVariableSet(const string &name, double value);
double GlobalVariableGet(const string &name);
bool GlobalVariableCheck(const string &name);

// Print and Alert take any mix of values, as in MQL4.
namespace mql_shim
{
inline std::string Text(const string &value) { return value.Utf8(); }
inline std::string Text(const char *value) { return value; }
inline std::string Text(bool value) { return value ? "true" : "false"; }
inline std::string Text(double value) { return DoubleToString(value, 8).Utf8(); }
template <typename T, typename = std::enable_if_t<std::is_integral_v<T> || std::is_enum_v<T>>>
std::string Text(T value) { return std::to_string(static_cast<long long>(value)); }

void PrintLine(const std::string &line);
void AlertLine(const std::string &line);
}

template <typename... Values>
void Print(const Values &...values)
{
    std::string line;
    ((line += mql_shim::Text(values)), ...);
    mql_shim::PrintLine(line);
}

template <typename... Values>
void Alert(const Values &...values)
{
    std::string line;
    ((line += mql_shim::Text(values)), ...);
    mql_shim::AlertLine(line);
}
