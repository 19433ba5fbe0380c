// Wraps one expert (.mq4, prepared by prep.sh) as a shared object that the FakeTerminal loads when the expert is
// attached and unloads when it is removed, so that its globals are built and destroyed then, as in MT4. It
// registers its handlers, inputs and probes while loading. Built once per expert with -DPROGRAM_NS=<file name>
// -DPROGRAM_FILE="<file>.mq4" -DPROGRAM_INPUTS="<file>.inputs".
#include "Mql4.hpp"
#include "Terminal.hpp"
#include <Zmq/Zmq.mqh>

#include <string>

namespace PROGRAM_NS
{
#include PROGRAM_FILE
}

// What an expert leaves out (no OnTimer, no monitor) reads as "-1" or empty through these.
namespace rb_fallback
{
inline void OnTick() {}
inline void OnTimer() {}
inline int RiskBridgeWelcomeCount() { return -1; }
inline string RiskBridgeSession() { return string(); }
inline string RiskBridgeLastReason() { return string(); }
inline int RiskBridgeLastVerdict() { return -1; }
inline int RiskBridgePushesSeen() { return -1; }
inline int RiskBridgeMonitorResyncs() { return -1; }
inline int RiskBridgeMonitorWarnings() { return -1; }
inline int RiskBridgeMonitorClosed() { return -1; }
inline int RiskBridgeMonitorSpecsSent() { return -1; }
inline bool RiskBridgeMonitorLinkUp() { return false; }
inline string RiskBridgeMonitorPanel() { return string(); }
}

namespace PROGRAM_NS
{
using namespace rb_fallback;
}

namespace
{
#define RB_STRINGIFY2(x) #x
#define RB_STRINGIFY(x) RB_STRINGIFY2(x)

[[maybe_unused]] void Assign(string &target, const std::string &value) { target = string::FromUtf8(value); }
[[maybe_unused]] void Assign(bool &target, const std::string &value) { target = value == "true" || value == "1"; }
[[maybe_unused]] void Assign(double &target, const std::string &value) { target = std::stod(value); }
template <typename T>
void Assign(T &target, const std::string &value)
{
    static_assert(std::is_integral_v<T> || std::is_enum_v<T>, "input type not in the harness");
    target = static_cast<T>(std::stol(value));
}

template <typename T>
std::function<void(const std::string &)> Setter(T &target)
{
    return [&target](const std::string &value) { Assign(target, value); };
}

std::string Text(int value) { return std::to_string(value); }
std::string Text(bool value) { return value ? "true" : "false"; }
std::string Text(const string &value) { return value.Utf8(); }

// the terminal sets an input before OnInit; the program itself sees it read-only (prep.sh)
#define RB_INPUT(name) {#name, Setter(PROGRAM_NS::name##_rbInput)},
#define RB_PROBE(key, call) {key, [] { return Text(PROGRAM_NS::call()); }},

struct Registration
{
    Registration()
    {
        ProgramHandlers handlers;
        handlers.onInit = [] { return static_cast<int>(PROGRAM_NS::OnInit()); };
        handlers.onDeinit = [](int reason) { PROGRAM_NS::OnDeinit(reason); };
        handlers.onTick = [] { PROGRAM_NS::OnTick(); };
        handlers.onTimer = [] { PROGRAM_NS::OnTimer(); };
        handlers.inputs = {
#include PROGRAM_INPUTS
        };
        handlers.probes = {
            RB_PROBE("welcomes", RiskBridgeWelcomeCount)
            RB_PROBE("session", RiskBridgeSession)
            RB_PROBE("lastReason", RiskBridgeLastReason)
            RB_PROBE("lastVerdict", RiskBridgeLastVerdict)
            RB_PROBE("pushesSeen", RiskBridgePushesSeen)
            RB_PROBE("resyncs", RiskBridgeMonitorResyncs)
            RB_PROBE("warnings", RiskBridgeMonitorWarnings)
            RB_PROBE("closed", RiskBridgeMonitorClosed)
            RB_PROBE("specsSent", RiskBridgeMonitorSpecsSent)
            RB_PROBE("linkUp", RiskBridgeMonitorLinkUp)
            RB_PROBE("panel", RiskBridgeMonitorPanel)
        };
        Terminal().Register(RB_STRINGIFY(PROGRAM_NS), std::move(handlers));
    }
    ~Registration() { Terminal().Unregister(RB_STRINGIFY(PROGRAM_NS)); }
};

// defined after the expert's globals, so it is destroyed before them
Registration registration;
}
