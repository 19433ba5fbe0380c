#include "Terminal.hpp"

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

void FakeTerminal::Register(const std::string &name, ProgramHandlers handlers)
{
    m_programs[name].handlers = std::move(handlers);
}

bool FakeTerminal::Has(const std::string &name) const
{
    return m_programs.count(name) != 0;
}

FakeTerminal::Slot &FakeTerminal::Get(const std::string &name)
{
    auto found = m_programs.find(name);
    if (found == m_programs.end())
        throw std::runtime_error("no program " + name + " was compiled into this runner");
    return found->second;
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
    Slot &slot = Get(program);
    current = program;
    int result = slot.handlers.onInit();
    current.clear();
    slot.started = result == 0;
    return result;
}

void FakeTerminal::Deinit(const std::string &program, int reason)
{
    Slot &slot = Get(program);
    if (!slot.started)
        return;
    current = program;
    slot.handlers.onDeinit(reason);
    current.clear();
    slot.started = false;
    slot.timerMs = 0;
}

void FakeTerminal::Tick(const std::string &program)
{
    Slot &slot = Get(program);
    if (!slot.started)
        return;
    current = program;
    slot.handlers.onTick();
    current.clear();
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
            current = name;
            slot.handlers.onTimer();
            current.clear();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

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
