#include "Terminal.hpp"

#include <dlfcn.h>

#include <cstdio>
#include <stdexcept>
#include <thread>

FakeTerminal &Terminal()
{
    static FakeTerminal terminal;
    return terminal;
}

FakeSymbol *FakeTerminal::Find(const std::string &name)
{
    for (auto &symbol : symbols)
        if (symbol.name == name)
            return &symbol;
    return nullptr;
}

void FakeTerminal::SetQuote(const std::string &name, double bid, double ask)
{
    FakeSymbol *symbol = Find(name);
    if (symbol == nullptr)
        throw std::runtime_error("no symbol " + name);
    symbol->bid = bid;
    symbol->ask = ask;
    symbol->time = ServerTime();
}

void FakeTerminal::ScheduleQuote(const std::string &name, double bid, double ask, int afterMs)
{
    m_feed.push_back({name, bid, ask, ElapsedMs() + afterMs});
}

void FakeTerminal::ApplyFeed()
{
    long long now = ElapsedMs();
    std::vector<ScheduledQuote> due;
    for (auto it = m_feed.begin(); it != m_feed.end();)
    {
        if (it->atMs <= now)
        {
            due.push_back(*it);
            it = m_feed.erase(it);
        }
        else
            ++it;
    }
    for (const ScheduledQuote &quote : due)
        SetQuote(quote.symbol, quote.bid, quote.ask);
}

void FakeTerminal::Load(const std::string &name)
{
    Slot &slot = m_programs[name];
    if (slot.library != nullptr)
        throw std::runtime_error(name + " is already attached");
    slot = Slot();
    slot.dllsAllowed = dllsAllowed;
    std::string path = expertsDirectory + "/" + name + ".so";
    std::string saved = current;
    current = name;
    void *library = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    current = saved;
    if (library == nullptr)
        throw std::runtime_error("cannot load " + path + ": " + ::dlerror());
    slot.library = library;
    if (!slot.registered)
        throw std::runtime_error(path + " registered no program " + name);
}

bool FakeTerminal::Loaded(const std::string &name) const
{
    auto found = m_programs.find(name);
    return found != m_programs.end() && found->second.library != nullptr;
}

bool FakeTerminal::Stopped(const std::string &name) const
{
    auto found = m_programs.find(name);
    return found != m_programs.end() && found->second.stopped;
}

void FakeTerminal::Register(const std::string &name, ProgramHandlers handlers)
{
    Slot &slot = m_programs[name];
    slot.handlers = std::move(handlers);
    slot.registered = true;
}

void FakeTerminal::Unregister(const std::string &name)
{
    auto found = m_programs.find(name);
    if (found != m_programs.end())
    {
        found->second.handlers = ProgramHandlers();
        found->second.registered = false;
    }
}

void FakeTerminal::Unload(const std::string &name, Slot &slot)
{
    slot.started = false;
    slot.timerMs = 0;
    if (slot.library == nullptr)
        return;
    std::string saved = current;
    current = name; // its global destructors run now, as the program's own code
    void *library = slot.library;
    slot.library = nullptr;
    ::dlclose(library);
    current = saved;
}

FakeTerminal::Slot &FakeTerminal::Get(const std::string &name)
{
    auto found = m_programs.find(name);
    if (found == m_programs.end() || found->second.library == nullptr)
        throw std::runtime_error("no program " + name + " is attached");
    return found->second;
}

bool FakeTerminal::Run(const std::string &name, Slot &slot, const std::function<void()> &handler)
{
    if (slot.stopped)
        return false;
    std::string saved = current;
    current = name;
    m_handlerDepth++;
    try
    {
        handler();
    }
    catch (const ProgramStopped &)
    {
        m_handlerDepth--;
        current = saved;
        slot.stopped = true;
        Unload(name, slot);
        return false;
    }
    m_handlerDepth--;
    current = saved;
    return true;
}

void FakeTerminal::SetInput(const std::string &program, const std::string &input, const std::string &value)
{
    auto &inputs = Get(program).handlers.inputs;
    auto found = inputs.find(input);
    if (found == inputs.end())
        throw std::runtime_error(program + " has no input " + input);
    found->second(value);
}

std::string FakeTerminal::Probe(const std::string &program, const std::string &probe)
{
    auto &probes = Get(program).handlers.probes;
    auto found = probes.find(probe);
    if (found == probes.end())
        throw std::runtime_error(program + " has no probe " + probe);
    std::string saved = current;
    current = program;
    std::string value = found->second();
    current = saved;
    return value;
}

int FakeTerminal::Init(const std::string &program)
{
    if (Stopped(program))
        return -1;
    Slot &slot = Get(program);
    int result = -1;
    if (!Run(program, slot, [&] { result = slot.handlers.onInit(); }))
        return -1;
    slot.started = result == 0;
    if (result != 0)
        Unload(program, slot); // the terminal removes an expert whose OnInit failed
    return result;
}

void FakeTerminal::Deinit(const std::string &program, int reason)
{
    auto found = m_programs.find(program);
    if (found == m_programs.end() || found->second.library == nullptr)
        return;
    Slot &slot = found->second;
    if (slot.started)
        Run(program, slot, [&] { slot.handlers.onDeinit(reason); });
    Unload(program, slot);
}

void FakeTerminal::Tick(const std::string &program)
{
    auto found = m_programs.find(program);
    if (found == m_programs.end() || !found->second.started)
        return;
    Slot &slot = found->second;
    Run(program, slot, [&] { slot.handlers.onTick(); });
}

bool FakeTerminal::RunFor(int milliseconds, const std::function<bool()> &done)
{
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
    while (true)
    {
        if (done && done())
            return true;
        auto now = std::chrono::steady_clock::now();
        if (now >= end)
            return false;
        for (auto &[name, slot] : m_programs)
        {
            if (!slot.started || slot.timerMs <= 0 || now < slot.nextTimer)
                continue;
            slot.nextTimer = now + std::chrono::milliseconds(slot.timerMs);
            Run(name, slot, [&slot] { slot.handlers.onTimer(); });
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

bool FakeTerminal::DllCall(const char *dll, const char *function)
{
    auto found = m_programs.find(current);
    if (found == m_programs.end() || found->second.dllsAllowed)
        return true;
    Slot &slot = found->second;
    if (!slot.stopped)
    {
        Say(prints, "ERROR", std::string("cannot call function '") + function + "' from dll '" + dll +
                                 "' (dll calls are not allowed); " + current + " stopped");
        slot.stopped = true;
    }
    // inside a handler the program ends at this call; while its globals are built or destroyed (no handler on
    // the stack) the call just fails and the terminal does not run the program
    if (m_handlerDepth > 0)
        throw ProgramStopped{function};
    return false;
}

bool FakeTerminal::DllsAllowed() const
{
    auto found = m_programs.find(current);
    return found == m_programs.end() ? dllsAllowed : found->second.dllsAllowed;
}

int &FakeTerminal::LastError() { return m_lastErrors[current]; }

bool FakeTerminal::SetTimer(int milliseconds)
{
    if (current.empty() || milliseconds <= 0)
        return false;
    Slot &slot = Get(current);
    slot.timerMs = milliseconds;
    slot.nextTimer = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
    return true;
}

void FakeTerminal::KillTimer()
{
    if (!current.empty())
        Get(current).timerMs = 0;
}

long long FakeTerminal::ElapsedMs() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - m_start).count();
}

long FakeTerminal::ServerTime() const
{
    auto elapsed = std::chrono::steady_clock::now() - m_start;
    return serverTimeAtStart + std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
}

void FakeTerminal::Say(std::vector<Said> &list, const char *kind, const std::string &text)
{
    list.push_back({current, text});
    if (echo)
    {
        std::printf("%s [%s] %s\n", kind, current.empty() ? "runner" : current.c_str(), text.c_str());
        std::fflush(stdout);
    }
}
