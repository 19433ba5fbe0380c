// Checks of the library's JSON and UTF-8 handling that need no service: quoting, numbers, parsing (escapes,
// surrogate pairs, errors) and the CP_UTF8 conversions both ways.
#include "Mql4.hpp"
#include "Terminal.hpp"
#include <Zmq/Zmq.mqh>

#include <cstdio>

namespace lib
{
#include "Mt4RiskBridge/Json.mqh"
#include "Mt4RiskBridge/Protocol.mqh"
}

namespace
{
int g_failures = 0;

void Check(bool condition, const std::string &what)
{
    std::printf("%s %s\n", condition ? "ok  " : "FAIL", what.c_str());
    if (!condition)
        g_failures++;
}

void Equal(const string &actual, const std::string &expected, const std::string &what)
{
    bool same = actual.Utf8() == expected;
    Check(same, what + (same ? "" : " (got " + actual.Utf8() + ", expected " + expected + ")"));
}
}

int main()
{
    using namespace lib;
    // quoting: escapes, control characters, non-ASCII kept as text
    Equal(RbJsonQuote("a\"b\\c\nd\te\x01"), "\"a\\\"b\\\\c\\nd\\te\\u0001\"", "RbJsonQuote escapes");
    Equal(RbJsonQuote("Soci\xc3\xa9t\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80"), "\"Soci\xc3\xa9t\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80\"",
          "RbJsonQuote keeps non-ASCII");
    // numbers
    Equal(RbJsonNumber(1.5), "1.5", "1.5");
    Equal(RbJsonNumber(100000.0), "100000", "100000");
    Equal(RbJsonNumber(0.00001), "0.00001", "0.00001");
    Equal(RbJsonNumber(1.08412), "1.08412", "1.08412");
    Equal(RbJsonNumber(-3.5), "-3.5", "-3.5");
    Equal(RbJsonNumber(-0.0), "0", "-0 is 0");
    Equal(RbJsonNumber(std::nan("")), "null", "NaN is null");
    // writer
    RbJsonWriter w;
    w.BeginMessage("ticks");
    w.BeginArray("ticks");
    w.BeginObject();
    w.Str("symbol", "EURUSD.\xc3\xa9");
    w.Num("bid", 1.084);
    w.EndObject();
    w.BeginObject();
    w.EndObject();
    w.EndArray();
    w.Bool("b", true);
    w.Null("n");
    w.EndObject();
    Equal(w.Text(), "{\"v\":1,\"type\":\"ticks\",\"ticks\":[{\"symbol\":\"EURUSD.\xc3\xa9\",\"bid\":1.084},{}],\"b\":true,\"n\":null}",
          "writer commas and nesting");
    // parser
    RbJson doc;
    Check(doc.Parse(" {\"v\":1,\"type\":\"decision\",\"id\":\"a-1\",\"verdict\":\"resize\",\"lots\":1.5,"
                    "\"reasons\":[{\"code\":\"lot_cap_order\",\"message\":\"max \\\"1.5\\\"\\n\",\"maxLots\":1.5},{\"code\":\"x\"}],"
                    "\"marginLevelAfter\":null,\"leverage\":\"unlimited\",\"tier\":{\"minEquity\":0,\"leverage\":500},"
                    "\"text\":\"\\u00e9\\u2713\\ud83d\\ude00\",\"ok\":true,\"e\":-1.25e2} "),
          "parses a decision");
    Equal(doc.GetString(0, "verdict"), "resize", "verdict");
    Check(doc.GetNumber(0, "lots") == 1.5, "lots");
    Check(doc.Count(doc.Find(0, "reasons")) == 2, "two reasons");
    Equal(doc.GetString(doc.Child(doc.Find(0, "reasons"), 0), "message"), "max \"1.5\"\n", "escaped message");
    Check(doc.Kind(doc.Find(0, "marginLevelAfter")) == RB_JSON_NULL, "null member");
    Check(doc.GetNumber(doc.Find(0, "tier"), "leverage") == 500, "nested number");
    Equal(doc.GetString(0, "text"), "\xc3\xa9\xe2\x9c\x93\xf0\x9f\x98\x80", "\\u escapes with a surrogate pair");
    Check(doc.GetBool(0, "ok"), "true");
    Check(doc.GetNumber(0, "e") == -125.0, "exponent");
    Check(doc.Find(0, "absent") == -1 && doc.GetString(0, "absent", "fallback") == "fallback", "absent member");
    for (const char *bad : {"", "{", "{\"a\":}", "[1,2", "{\"a\":1} x", "{\"a\" 1}", "\"\\x\"", "tru", "{\"a\":\"\x01\"}"})
        Check(!doc.Parse(bad) && doc.Error() != "", std::string("rejects ") + bad);
    std::string deep(40, '[');
    Check(!doc.Parse(deep.c_str()), "rejects nesting past the limit");
    // CP_UTF8 both ways, as the client converts frames
    string text = "Soci\xc3\xa9t\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80";
    Check(StringLen(text) == 12, "UTF-16 length counts a surrogate pair as two");
    MqlArray<uchar> bytes;
    int n = StringToCharArray(text, bytes, 0, WHOLE_ARRAY, CP_UTF8);
    Check(n == 19 && bytes[n - 1] == 0, "StringToCharArray CP_UTF8 with the terminating zero");
    Equal(CharArrayToString(bytes, 0, n - 1, CP_UTF8), text.Utf8(), "CharArrayToString CP_UTF8 round trip");
    MqlArray<uchar> broken;
    ArrayResize(broken, 3);
    broken[0] = 'a';
    broken[1] = 0xC3;
    broken[2] = 'b';
    Equal(CharArrayToString(broken, 0, 3, CP_UTF8), "a\xef\xbf\xbd" "b", "an invalid byte becomes U+FFFD");
    // protocol mapping
    Equal(RbSideOf(OP_SELLSTOP), "sell", "sell stop is a sell");
    Equal(RbOrderTypeOf(OP_BUYLIMIT), "limit", "buy limit is a limit");
    Check(RbParseVerdict("something") == RB_REJECT, "an unknown verdict is a reject");
    // closed-trade totals: running, counting only what was added to the history since the last account message
    FakeTerminal &t = Terminal();
    FakeOrder closed;
    closed.type = OP_BUY;
    closed.lots = 0.5;
    FakeOrder deleted = closed;
    deleted.type = OP_BUYLIMIT;
    t.history = {closed, deleted};
    RbUpdateHistoryTotals();
    Check(g_rbHistory.closedTrades == 1 && std::fabs(g_rbHistory.closedLots - 0.5) < 1e-12, "one closed trade of 0.5 lots");
    t.history[0].lots = 9.0; // already counted: a later call does not read it again
    closed.type = OP_SELL;
    closed.lots = 0.25;
    t.history.push_back(closed);
    RbUpdateHistoryTotals();
    Check(g_rbHistory.closedTrades == 2 && std::fabs(g_rbHistory.closedLots - 0.75) < 1e-12, "only the new entry is added");
    t.history.resize(1);
    RbUpdateHistoryTotals();
    Check(g_rbHistory.closedTrades == 1 && std::fabs(g_rbHistory.closedLots - 9.0) < 1e-12, "a shorter history is recounted");
    // a spec is due again when a price-dependent figure was 0 or moved by more than 1 %
    FakeSymbol eurusd;
    eurusd.name = "EURUSD";
    eurusd.tickValue = 1.0;
    eurusd.marginRequired = 200.0;
    t.symbols = {eurusd};
    Check(RbSpecStale("EURUSD", -1.0, -1.0), "a spec never sent is due");
    Check(RbSpecStale("EURUSD", 0.0, 200.0), "a spec sent with tick value 0 is due once it is known");
    Check(!RbSpecStale("EURUSD", 1.005, 199.0), "moves under 1 % are not");
    Check(RbSpecStale("EURUSD", 1.0, 196.0), "a margin 2 % off is");
    std::printf("%s\n", g_failures == 0 ? "PASS" : "FAIL");
    return g_failures == 0 ? 0 : 1;
}
