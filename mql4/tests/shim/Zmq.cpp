// Definitions of the mql-zmq methods the Mt4RiskBridge sources call, over Debian's libzmq. The declarations are
// the vendored upstream ones (mql-zmq/Include/Zmq/Zmq.mqh, prepared by prep.sh); libzmq's own zmq.h is not
// included because the binding's zmq_msg_t would clash with it, so the few C functions are declared here.
// Every call into "libzmq.dll" first asks the terminal whether the running program may call DLLs.
#include "Mql4.hpp"
#include "Terminal.hpp"
#include "ZmqCounters.hpp"
#include <Zmq/Zmq.mqh>

#include <cstring>
#include <string>

extern "C"
{
void *zmq_ctx_new();
int zmq_ctx_term(void *context);
int zmq_ctx_shutdown(void *context);
void *zmq_socket(void *context, int type);
int zmq_close(void *socket);
int zmq_setsockopt(void *socket, int option, const void *value, size_t size);
int zmq_getsockopt(void *socket, int option, void *value, size_t *size);
int zmq_bind(void *socket, const char *address);
int zmq_unbind(void *socket, const char *address);
int zmq_connect(void *socket, const char *address);
int zmq_disconnect(void *socket, const char *address);
int zmq_send(void *socket, const void *buffer, size_t size, int flags);
int zmq_recv(void *socket, void *buffer, size_t size, int flags);
int zmq_msg_init(void *message);
int zmq_msg_init_size(void *message, size_t size);
int zmq_msg_close(void *message);
void *zmq_msg_data(void *message);
size_t zmq_msg_size(const void *message);
int zmq_msg_more(const void *message);
int zmq_msg_send(void *message, void *socket, int flags);
int zmq_msg_recv(void *message, void *socket, int flags);
int zmq_curve_keypair(char *z85Public, char *z85Secret);
int zmq_curve_public(char *z85Public, const char *z85Secret);
struct zmq_pollitem_native
{
    void *socket;
    int fd;
    short events;
    short revents;
};
int zmq_poll(zmq_pollitem_native *items, int count, long timeout);
}

static_assert(sizeof(zmq_msg_t) == 64, "the binding's zmq_msg_t is 64 bytes, as libzmq's");

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

void *Native(intptr_t ref) { return reinterpret_cast<void *>(ref); }

// MT4 refuses a DLL call when the program may not call DLLs; the terminal stops the program there
bool Allowed(const char *function) { return Terminal().DllCall("libzmq.dll", function); }

bool SetOption(intptr_t socket, int option, const void *value, size_t size)
{
    return Allowed("zmq_setsockopt") && zmq_setsockopt(Native(socket), option, value, size) == 0;
}

bool SetInt(intptr_t socket, int option, int value) { return SetOption(socket, option, &value, sizeof value); }

bool GetInt(intptr_t socket, int option, int &value)
{
    size_t size = sizeof value;
    return Allowed("zmq_getsockopt") && zmq_getsockopt(Native(socket), option, &value, &size) == 0;
}
}

int ZmqShimCounters::ContextsCreated() { return Counted().contexts; }
int ZmqShimCounters::SocketsCreated() { return Counted().sockets; }
int ZmqShimCounters::SocketsOpen() { return Counted().open; }
int ZmqShimCounters::Connects() { return Counted().connects; }

// ---- Context: a shared name is accepted but not shared (see mql-zmq/SOURCE.md: upstream's lock no longer locks)
Context::Context(string shared) : m_ref(0), m_shared(shared)
{
    if (!Allowed("zmq_ctx_new"))
        return;
    m_ref = reinterpret_cast<intptr_t>(zmq_ctx_new());
    Counted().contexts++;
}

Context::~Context()
{
    if (m_ref != 0 && Allowed("zmq_ctx_term"))
        zmq_ctx_term(Native(m_ref));
}

intptr_t Context::ref() const { return m_ref; }
bool Context::shutdown() { return Allowed("zmq_ctx_shutdown") && zmq_ctx_shutdown(Native(m_ref)) == 0; }

// ---- ZmqMsg
ZmqMsg::ZmqMsg()
{
    std::memset(_, 0, sizeof _);
    if (Allowed("zmq_msg_init"))
        zmq_msg_init(this);
}

ZmqMsg::ZmqMsg(int size)
{
    std::memset(_, 0, sizeof _);
    if (Allowed("zmq_msg_init_size"))
        zmq_msg_init_size(this, static_cast<size_t>(size));
}

ZmqMsg::~ZmqMsg()
{
    if (Allowed("zmq_msg_close"))
        zmq_msg_close(this);
}

bool ZmqMsg::rebuild() { return Allowed("zmq_msg_close") && zmq_msg_close(this) == 0 && zmq_msg_init(this) == 0; }
size_t ZmqMsg::size() { return Allowed("zmq_msg_size") ? zmq_msg_size(this) : 0; }
bool ZmqMsg::more() { return Allowed("zmq_msg_more") && zmq_msg_more(this) == 1; }

void ZmqMsg::getData(MqlArray<uchar> &bytes)
{
    if (!Allowed("zmq_msg_data"))
        return;
    int length = static_cast<int>(zmq_msg_size(this));
    if (bytes.Size() < length)
        bytes.Resize(length);
    if (length > 0)
        std::memcpy(bytes.Data(), zmq_msg_data(this), static_cast<size_t>(length));
}

// ---- SocketOptions: the accessors the sources use
SocketOptions::SocketOptions(intptr_t ref) : m_ref(ref) {}
bool SocketOptions::setLinger(int value) { return SetInt(m_ref, ZMQ_LINGER, value); }
bool SocketOptions::getLinger(int &value) { return GetInt(m_ref, ZMQ_LINGER, value); }
bool SocketOptions::setSendHighWaterMark(int value) { return SetInt(m_ref, ZMQ_SNDHWM, value); }
bool SocketOptions::setReceiveHighWaterMark(int value) { return SetInt(m_ref, ZMQ_RCVHWM, value); }
bool SocketOptions::setImmediate(bool value) { return SetInt(m_ref, ZMQ_IMMEDIATE, value ? 1 : 0); }
bool SocketOptions::setReconnectInterval(int value) { return SetInt(m_ref, ZMQ_RECONNECT_IVL, value); }
bool SocketOptions::setReconnectIntervalMax(int value) { return SetInt(m_ref, ZMQ_RECONNECT_IVL_MAX, value); }

bool SocketOptions::setCurveServerKey(string key)
{
    std::string text = key.Utf8(); // 40 Z85 characters; upstream sends them with the terminating null
    return SetOption(m_ref, ZMQ_CURVE_SERVERKEY, text.c_str(), text.size() + 1);
}

bool SocketOptions::setCurvePublicKey(string key)
{
    std::string text = key.Utf8();
    return SetOption(m_ref, ZMQ_CURVE_PUBLICKEY, text.c_str(), text.size() + 1);
}

bool SocketOptions::setCurveSecretKey(string key)
{
    std::string text = key.Utf8();
    return SetOption(m_ref, ZMQ_CURVE_SECRETKEY, text.c_str(), text.size() + 1);
}

// ---- Socket
Socket::Socket(const Context &ctx, int type) : SocketOptions(0)
{
    if (!Allowed("zmq_socket") || ctx.ref() == 0)
        return;
    m_ref = reinterpret_cast<intptr_t>(zmq_socket(Native(ctx.ref()), type));
    if (m_ref != 0)
    {
        Counted().sockets++;
        Counted().open++;
    }
}

Socket::~Socket()
{
    if (m_ref != 0 && Allowed("zmq_close"))
    {
        zmq_close(Native(m_ref));
        Counted().open--;
    }
}

intptr_t Socket::ref() const { return m_ref; }
bool Socket::valid() const { return m_ref != 0; }

bool Socket::connect(string addr)
{
    bool ok = Allowed("zmq_connect") && zmq_connect(Native(m_ref), addr.Utf8().c_str()) == 0;
    if (ok)
        Counted().connects++;
    return ok;
}

bool Socket::disconnect(string addr) { return Allowed("zmq_disconnect") && zmq_disconnect(Native(m_ref), addr.Utf8().c_str()) == 0; }

bool Socket::send(const MqlArray<uchar> &buf, bool nowait)
{
    return Allowed("zmq_send") &&
           zmq_send(Native(m_ref), buf.Data(), static_cast<size_t>(buf.Size()), nowait ? ZMQ_DONTWAIT : 0) != -1;
}

bool Socket::recv(ZmqMsg &msg, bool nowait)
{
    return Allowed("zmq_msg_recv") && zmq_msg_recv(&msg, Native(m_ref), nowait ? ZMQ_DONTWAIT : 0) != -1;
}

void Socket::fillPollItem(PollItem &item, short events)
{
    item.socket = m_ref;
    item.fd = 0;
    item.events = events;
    item.revents = 0;
}

int Socket::poll(MqlArray<PollItem> &arr, long timeout)
{
    if (!Allowed("zmq_poll"))
        return -1;
    // PollItem has the Windows layout; libzmq on Linux wants its own
    int count = arr.Size() < 16 ? arr.Size() : 16;
    zmq_pollitem_native native[16];
    for (int i = 0; i < count; ++i)
        native[i] = {Native(arr[i].socket), static_cast<int>(arr[i].fd), arr[i].events, 0};
    int result = zmq_poll(native, count, timeout);
    for (int i = 0; i < count; ++i)
        arr[i].revents = native[i].revents;
    return result;
}

// ---- Z85
bool Z85::generateKeyPair(string &publicKey, string &secretKey)
{
    char pub[41] = {};
    char sec[41] = {};
    if (!Allowed("zmq_curve_keypair") || zmq_curve_keypair(pub, sec) != 0)
        return false;
    publicKey = string(pub);
    secretKey = string(sec);
    return true;
}

string Z85::derivePublic(const string secretKey)
{
    char pub[41] = {};
    if (!Allowed("zmq_curve_public") || zmq_curve_public(pub, secretKey.Utf8().c_str()) != 0)
        return string();
    return string(pub);
}
