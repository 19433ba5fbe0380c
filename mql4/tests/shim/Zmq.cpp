#include "Zmq/Zmq.mqh"

#include <cstring>
#include <map>
#include <utility>

namespace
{
struct Counts
{
    int contexts = 0;
    int sockets = 0;
    int open = 0;
    int connects = 0;
};

Counts &Counted()
{
    static Counts counts;
    return counts;
}

// shared name -> (context, users)
std::map<std::string, std::pair<void *, int>> &SharedContexts()
{
    static std::map<std::string, std::pair<void *, int>> shared;
    return shared;
}
}

int ZmqShimCounters::ContextsCreated() { return Counted().contexts; }
int ZmqShimCounters::SocketsCreated() { return Counted().sockets; }
int ZmqShimCounters::SocketsOpen() { return Counted().open; }
int ZmqShimCounters::Connects() { return Counted().connects; }

Context::Context(const string &shared) : m_ref(nullptr), m_shared(shared.Utf8())
{
    auto &contexts = SharedContexts();
    if (!m_shared.empty())
    {
        auto found = contexts.find(m_shared);
        if (found != contexts.end())
        {
            m_ref = found->second.first;
            found->second.second++;
            return;
        }
    }
    m_ref = zmq_ctx_new();
    Counted().contexts++;
    if (!m_shared.empty())
        contexts[m_shared] = {m_ref, 1};
}

Context::~Context()
{
    if (!m_shared.empty())
    {
        auto &contexts = SharedContexts();
        auto found = contexts.find(m_shared);
        if (found != contexts.end() && --found->second.second > 0)
            return;
        if (found != contexts.end())
            contexts.erase(found);
    }
    zmq_ctx_term(m_ref);
}

ZmqMsg::ZmqMsg() { zmq_msg_init(&m_msg); }
ZmqMsg::ZmqMsg(int size) { zmq_msg_init_size(&m_msg, static_cast<size_t>(size)); }
ZmqMsg::~ZmqMsg() { zmq_msg_close(&m_msg); }

bool ZmqMsg::rebuild()
{
    zmq_msg_close(&m_msg);
    return zmq_msg_init(&m_msg) == 0;
}

bool ZmqMsg::rebuild(int size)
{
    zmq_msg_close(&m_msg);
    return zmq_msg_init_size(&m_msg, static_cast<size_t>(size)) == 0;
}

void ZmqMsg::getData(MqlArray<uchar> &data)
{
    int length = static_cast<int>(zmq_msg_size(&m_msg));
    if (data.Size() < length)
        data.Resize(length);
    if (length > 0)
        std::memcpy(data.Data(), zmq_msg_data(&m_msg), static_cast<size_t>(length));
}

void ZmqMsg::setData(const MqlArray<uchar> &data)
{
    size_t length = zmq_msg_size(&m_msg);
    if (static_cast<size_t>(data.Size()) < length)
        length = static_cast<size_t>(data.Size());
    if (length > 0)
        std::memcpy(zmq_msg_data(&m_msg), data.Data(), length);
}

Socket::Socket(const Context &ctx, int type) : m_ref(zmq_socket(reinterpret_cast<void *>(ctx.ref()), type))
{
    if (m_ref != nullptr)
    {
        Counted().sockets++;
        Counted().open++;
    }
}

Socket::~Socket()
{
    if (m_ref != nullptr)
    {
        zmq_close(m_ref);
        Counted().open--;
    }
}

bool Socket::bind(const string &addr) { return zmq_bind(m_ref, addr.Utf8().c_str()) == 0; }
bool Socket::unbind(const string &addr) { return zmq_unbind(m_ref, addr.Utf8().c_str()) == 0; }

bool Socket::connect(const string &addr)
{
    bool ok = zmq_connect(m_ref, addr.Utf8().c_str()) == 0;
    if (ok)
        Counted().connects++;
    return ok;
}

bool Socket::disconnect(const string &addr) { return zmq_disconnect(m_ref, addr.Utf8().c_str()) == 0; }

bool Socket::send(const MqlArray<uchar> &buf, bool nowait, bool more)
{
    int flags = (nowait ? ZMQ_DONTWAIT : 0) | (more ? ZMQ_SNDMORE : 0);
    return zmq_send(m_ref, buf.Data(), static_cast<size_t>(buf.Size()), flags) != -1;
}

bool Socket::recv(MqlArray<uchar> &buf, bool nowait)
{
    return zmq_recv(m_ref, buf.Data(), static_cast<size_t>(buf.Size()), nowait ? ZMQ_DONTWAIT : 0) != -1;
}

bool Socket::send(ZmqMsg &msg, bool nowait, bool more)
{
    int flags = (nowait ? ZMQ_DONTWAIT : 0) | (more ? ZMQ_SNDMORE : 0);
    return zmq_msg_send(&msg.m_msg, m_ref, flags) != -1;
}

bool Socket::recv(ZmqMsg &msg, bool nowait)
{
    return zmq_msg_recv(&msg.m_msg, m_ref, nowait ? ZMQ_DONTWAIT : 0) != -1;
}

bool Socket::setIdentity(const string &value)
{
    std::string bytes = value.Utf8();
    return zmq_setsockopt(m_ref, ZMQ_IDENTITY, bytes.data(), bytes.size()) == 0;
}

void Socket::fillPollItem(PollItem &item, short events)
{
    item.socket = reinterpret_cast<intptr_t>(m_ref);
    item.fd = 0;
    item.events = events;
    item.revents = 0;
}

bool Socket::SetInt(int option, int value) { return zmq_setsockopt(m_ref, option, &value, sizeof value) == 0; }

bool Socket::GetInt(int option, int &value)
{
    size_t size = sizeof value;
    return zmq_getsockopt(m_ref, option, &value, &size) == 0;
}

int Socket::Poll(PollItem *items, int count, long timeout)
{
    // PollItem mirrors mql-zmq's Windows layout; libzmq on Linux wants its own zmq_pollitem_t
    zmq_pollitem_t native[16];
    if (count > 16)
        count = 16;
    for (int i = 0; i < count; ++i)
    {
        native[i].socket = reinterpret_cast<void *>(items[i].socket);
        native[i].fd = static_cast<int>(items[i].fd);
        native[i].events = items[i].events;
        native[i].revents = 0;
    }
    int result = zmq_poll(native, count, timeout);
    for (int i = 0; i < count; ++i)
        items[i].revents = native[i].revents;
    return result;
}
