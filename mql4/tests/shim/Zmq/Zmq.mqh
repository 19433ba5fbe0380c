// The part of the mql-zmq binding (github.com/dingmaotu/mql-zmq, Include/Zmq) that Mt4RiskBridge uses, with the
// same class and method names and signatures, over the real libzmq. `#include <Zmq/Zmq.mqh>` in the MQL4 sources
// finds this file through -I shim. Counters let the scenarios prove that no socket is made per call.
#pragma once

#include <zmq.h>

#include "../Mql4.hpp"

struct PollItem
{
    intptr_t socket;
    uintptr_t fd;
    short events;
    short revents;

    bool hasInput() const { return (revents & ZMQ_POLLIN) != 0; }
    bool hasOutput() const { return (revents & ZMQ_POLLOUT) != 0; }
};

// One context per terminal when a shared name is given, as GlobalHandle does in mql-zmq.
class Context
{
public:
    Context(const string &shared = "");
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    intptr_t ref() const { return reinterpret_cast<intptr_t>(m_ref); }
    bool shutdown() { return zmq_ctx_shutdown(m_ref) == 0; }

private:
    void *m_ref;
    std::string m_shared;
};

struct ZmqMsg
{
    ZmqMsg();
    explicit ZmqMsg(int size);
    ~ZmqMsg();
    ZmqMsg(const ZmqMsg &) = delete;
    ZmqMsg &operator=(const ZmqMsg &) = delete;

    size_t size() { return zmq_msg_size(&m_msg); }
    void getData(MqlArray<uchar> &data);
    void setData(const MqlArray<uchar> &data);
    bool more() { return zmq_msg_more(&m_msg) == 1; }
    bool rebuild();
    bool rebuild(int size);

    zmq_msg_t m_msg;
};

class Socket
{
public:
    Socket(const Context &ctx, int type);
    virtual ~Socket();
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;

    intptr_t ref() const { return reinterpret_cast<intptr_t>(m_ref); }
    bool valid() const { return m_ref != nullptr; }

    bool bind(const string &addr);
    bool unbind(const string &addr);
    bool connect(const string &addr);
    bool disconnect(const string &addr);

    bool send(const MqlArray<uchar> &buf, bool nowait = false, bool more = false);
    bool recv(MqlArray<uchar> &buf, bool nowait = false);
    bool send(ZmqMsg &msg, bool nowait = false, bool more = false);
    bool recv(ZmqMsg &msg, bool nowait = false);

    bool setLinger(int value) { return SetInt(ZMQ_LINGER, value); }
    bool getLinger(int &value) { return GetInt(ZMQ_LINGER, value); }
    bool setSendHighWaterMark(int value) { return SetInt(ZMQ_SNDHWM, value); }
    bool getSendHighWaterMark(int &value) { return GetInt(ZMQ_SNDHWM, value); }
    bool setReceiveHighWaterMark(int value) { return SetInt(ZMQ_RCVHWM, value); }
    bool getReceiveHighWaterMark(int &value) { return GetInt(ZMQ_RCVHWM, value); }
    bool setImmediate(bool value) { return SetInt(ZMQ_IMMEDIATE, value ? 1 : 0); }
    bool setReconnectInterval(int value) { return SetInt(ZMQ_RECONNECT_IVL, value); }
    bool setReconnectIntervalMax(int value) { return SetInt(ZMQ_RECONNECT_IVL_MAX, value); }
    bool setIdentity(const string &value);

    void fillPollItem(PollItem &item, short events);

    template <size_t N>
    static int poll(PollItem (&items)[N], long timeout) { return Poll(items, static_cast<int>(N), timeout); }
    static int poll(MqlArray<PollItem> &items, long timeout) { return Poll(items.Data(), items.Size(), timeout); }

private:
    bool SetInt(int option, int value);
    bool GetInt(int option, int &value);
    static int Poll(PollItem *items, int count, long timeout);

    void *m_ref;
};

// What the harness counts: every socket and context ever made in this process.
struct ZmqShimCounters
{
    static int ContextsCreated();
    static int SocketsCreated();
    static int SocketsOpen();
    static int Connects();
};
