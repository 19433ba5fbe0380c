//+------------------------------------------------------------------+
//| Zmq/Zmq.mqh - declaration-only copy of the mql-zmq API           |
//| Taken from the mql-zmq project:                                  |
//|     https://github.com/dingmaotu/mql-zmq                         |
//|     commit 802c86c9e3647c917151ff724ffd15baa9bc152c              |
//|                                                                  |
//| Copyright 2016-2017 Li Ding <dingmaotu@hotmail.com>              |
//|                                                                  |
//| Licensed under the Apache License, Version 2.0 (the "License");  |
//| you may not use this file except in compliance with the License. |
//| You may obtain a copy of the License at                          |
//|                                                                  |
//|     http://www.apache.org/licenses/LICENSE-2.0                   |
//|                                                                  |
//| Unless required by applicable law or agreed to in writing,       |
//| software distributed under the License is distributed on an      |
//| "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND,     |
//| either express or implied.                                       |
//| See the License for the specific language governing permissions  |
//| and limitations under the License.                               |
//|                                                                  |
//| Modified for the Mt4RiskBridge harness (see ../../SOURCE.md):    |
//| the public declarations of Zmq.mqh, Context.mqh, Socket.mqh,     |
//| SocketOptions.mqh, ZmqMsg.mqh and Z85.mqh merged into one file,  |
//| method bodies and #import blocks removed (the harness defines    |
//| the methods over libzmq), GlobalHandle's members written out.    |
//+------------------------------------------------------------------+
#property strict

//--- Socket types (Socket.mqh)
#define ZMQ_PAIR 0
#define ZMQ_PUB 1
#define ZMQ_SUB 2
#define ZMQ_REQ 3
#define ZMQ_REP 4
#define ZMQ_DEALER 5
#define ZMQ_ROUTER 6
#define ZMQ_PULL 7
#define ZMQ_PUSH 8
#define ZMQ_XPUB 9
#define ZMQ_XSUB 10
#define ZMQ_STREAM 11

//--- Send/recv options (Socket.mqh)
#define ZMQ_DONTWAIT 1
#define ZMQ_SNDMORE 2

//--- I/O multiplexing (Socket.mqh)
#define ZMQ_POLLIN 1
#define ZMQ_POLLOUT 2
// We only use 0MQ sockets on Windows
// So POLLERR and POLLPRI is of no use
#define ZMQ_POLLERR 4
#define ZMQ_POLLPRI 8

#define ZMQ_POLLITEMS_DFLT 16

//--- Socket options (SocketOptions.mqh)
#define ZMQ_AFFINITY 4
#define ZMQ_IDENTITY 5
#define ZMQ_SUBSCRIBE 6
#define ZMQ_UNSUBSCRIBE 7
#define ZMQ_RATE 8
#define ZMQ_RECOVERY_IVL 9
#define ZMQ_SNDBUF 11
#define ZMQ_RCVBUF 12
#define ZMQ_RCVMORE 13
#define ZMQ_FD 14
#define ZMQ_EVENTS 15
#define ZMQ_TYPE 16
#define ZMQ_LINGER 17
#define ZMQ_RECONNECT_IVL 18
#define ZMQ_BACKLOG 19
#define ZMQ_RECONNECT_IVL_MAX 21
#define ZMQ_MAXMSGSIZE 22
#define ZMQ_SNDHWM 23
#define ZMQ_RCVHWM 24
#define ZMQ_MULTICAST_HOPS 25
#define ZMQ_RCVTIMEO 27
#define ZMQ_SNDTIMEO 28
#define ZMQ_LAST_ENDPOINT 32
#define ZMQ_ROUTER_MANDATORY 33
#define ZMQ_TCP_KEEPALIVE 34
#define ZMQ_TCP_KEEPALIVE_CNT 35
#define ZMQ_TCP_KEEPALIVE_IDLE 36
#define ZMQ_TCP_KEEPALIVE_INTVL 37
#define ZMQ_IMMEDIATE 39
#define ZMQ_XPUB_VERBOSE 40
#define ZMQ_ROUTER_RAW 41
#define ZMQ_IPV6 42
#define ZMQ_MECHANISM 43
#define ZMQ_PLAIN_SERVER 44
#define ZMQ_PLAIN_USERNAME 45
#define ZMQ_PLAIN_PASSWORD 46
#define ZMQ_CURVE_SERVER 47
#define ZMQ_CURVE_PUBLICKEY 48
#define ZMQ_CURVE_SECRETKEY 49
#define ZMQ_CURVE_SERVERKEY 50
#define ZMQ_PROBE_ROUTER 51
#define ZMQ_REQ_CORRELATE 52
#define ZMQ_REQ_RELAXED 53
#define ZMQ_CONFLATE 54
#define ZMQ_ZAP_DOMAIN 55
#define ZMQ_ROUTER_HANDOVER 56
#define ZMQ_TOS 57
#define ZMQ_CONNECT_RID 61
#define ZMQ_GSSAPI_SERVER 62
#define ZMQ_GSSAPI_PRINCIPAL 63
#define ZMQ_GSSAPI_SERVICE_PRINCIPAL 64
#define ZMQ_GSSAPI_PLAINTEXT 65
#define ZMQ_HANDSHAKE_IVL 66
#define ZMQ_SOCKS_PROXY 68
#define ZMQ_XPUB_NODROP 69
#define ZMQ_BLOCKY 70
#define ZMQ_XPUB_MANUAL 71
#define ZMQ_XPUB_WELCOME_MSG 72
#define ZMQ_STREAM_NOTIFY 73
#define ZMQ_INVERT_MATCHING 74
#define ZMQ_HEARTBEAT_IVL 75
#define ZMQ_HEARTBEAT_TTL 76
#define ZMQ_HEARTBEAT_TIMEOUT 77
#define ZMQ_XPUB_VERBOSER 78
#define ZMQ_CONNECT_TIMEOUT 79
#define ZMQ_TCP_MAXRT 80
#define ZMQ_THREAD_SAFE 81
#define ZMQ_MULTICAST_MAXTPDU 84
#define ZMQ_VMCI_BUFFER_SIZE 85
#define ZMQ_VMCI_BUFFER_MIN_SIZE 86
#define ZMQ_VMCI_BUFFER_MAX_SIZE 87
#define ZMQ_VMCI_CONNECT_TIMEOUT 88
#define ZMQ_USE_FD 89

//--- Context options (Context.mqh)
#define ZMQ_IO_THREADS 1
#define ZMQ_MAX_SOCKETS 2
#define ZMQ_SOCKET_LIMIT 3
#define ZMQ_THREAD_PRIORITY 3
#define ZMQ_THREAD_SCHED_POLICY 4
#define ZMQ_MAX_MSGSZ 5

//--- fd is SOCKET on Win32, which is defined as UINT_PTR (Socket.mqh)
struct PollItem
  {
   intptr_t          socket;
   uintptr_t         fd;
   short             events;
   short             revents;
#ifdef __X64__
   //--- note here that if the program runs on 64bit runtime, we need to pad the
   //--- struct to align to 8 bytes 
   //--- thanks https://github.com/feng-ye for the solution to https://github.com/dingmaotu/mql-zmq/issues/14
   int               __unused;
#endif

   bool              hasInput() const {return(revents&ZMQ_POLLIN)!=0;}
   bool              hasOutput() const {return(revents&ZMQ_POLLOUT)!=0;}
  };

//--- 0MQ message (ZmqMsg.mqh)
struct zmq_msg_t
  {
   uchar             _[64];
  };
struct ZmqMsg: public zmq_msg_t
  {
public:
                     ZmqMsg();
                     ZmqMsg(int size);
                     ZmqMsg(string data,bool nullterminated=false);
                    ~ZmqMsg();
   bool              rebuild();
   bool              rebuild(int size);
   bool              rebuild(string data,bool nullterminated=false);
   size_t            size();
   void              getData(uchar &bytes[]);
   string            getData();
   void              setData(const uchar &bytes[]);
   bool              more();
   bool              copy(ZmqMsg &msg);
   bool              move(ZmqMsg &msg);
   string            meta(const string property);
  };
//--- a 0MQ context (Context.mqh); GlobalHandle<intptr_t,...> supplies ref() and the shared name
class Context
  {
protected:
   intptr_t          m_ref;
   string            m_shared;
public:
                     Context(string shared=NULL);
                    ~Context();
   intptr_t          ref() const;
   bool              shutdown();
   int               getIoThreads();
   void              setIoThreads(int value);
   int               getMaxSockets();
   void              setMaxSockets(int value);
   int               getMaxMessageSize();
   void              setMaxMessageSize(int value);
   int               getSocketLimit();
   int               getIpv6Options();
   void              setIpv6Options(int value);
   bool              isBlocky();
   void              setBlocky(bool value);
  };
//--- socket options (SocketOptions.mqh), each macro declaring what upstream defines inline
class SocketOptions
  {
protected:
   intptr_t          m_ref;
                     SocketOptions(intptr_t ref);
public:
#define SOCKOPT_GET(TYPE, NAME, MACRO) bool get##NAME(TYPE &value);
#define SOCKOPT_SET(TYPE, NAME, MACRO) bool set##NAME(TYPE value);
#define SOCKOPT(TYPE,NAME,MACRO) SOCKOPT_GET(TYPE,NAME,MACRO) SOCKOPT_SET(TYPE,NAME,MACRO)
#define SOCKOPT_GET_BOOL(NAME, MACRO) bool is##NAME(bool &value);
#define SOCKOPT_SET_BOOL(NAME, MACRO) bool set##NAME(bool value);
#define SOCKOPT_BOOL(NAME,MACRO) SOCKOPT_GET_BOOL(NAME,MACRO) SOCKOPT_SET_BOOL(NAME,MACRO)
#define SOCKOPT_GET_NTSTR(NAME,MACRO) bool get##NAME(string &value);
#define SOCKOPT_SET_NTSTR(NAME,MACRO) bool set##NAME(string value);
#define SOCKOPT_NTSTR(NAME,MACRO) SOCKOPT_GET_NTSTR(NAME,MACRO) SOCKOPT_SET_NTSTR(NAME,MACRO)
#define SOCKOPT_SET_BYTES(NAME,MACRO) bool set##NAME(const uchar &value[]); bool set##NAME(string value);
#define SOCKOPT_GET_BYTES(NAME,MACRO,InitSize) bool get##NAME(uchar &value[]); bool get##NAME(string &value);
#define SOCKOPT_BYTES(NAME,MACRO,InitSize) SOCKOPT_SET_BYTES(NAME,MACRO) SOCKOPT_GET_BYTES(NAME,MACRO,InitSize)
#define SOCKOPT_CURVE_KEY(KeyType,Macro) \
   bool getCurve##KeyType##Key(uchar &key[]); bool getCurve##KeyType##Key(string &key); \
   bool setCurve##KeyType##Key(const uchar &key[]); bool setCurve##KeyType##Key(string key);

   SOCKOPT_GET(int,Type,ZMQ_TYPE)
   SOCKOPT(ulong,Affinity,ZMQ_AFFINITY) //64bit bitmask
   SOCKOPT(int,BackLog,ZMQ_BACKLOG) // number of connections
   SOCKOPT(int,Timeout,ZMQ_CONNECT_TIMEOUT) // milliseconds
   SOCKOPT_GET_BOOL(ThreadSafe,ZMQ_THREAD_SAFE)

   SOCKOPT_SET_BOOL(Conflate,ZMQ_CONFLATE) // only for ZMQ_PULL, ZMQ_PUSH, ZMQ_SUB, ZMQ_PUB, ZMQ_DEALER types

   SOCKOPT_GET(int,Events,ZMQ_EVENTS); // bitmask of ZMQ_POLLIN, ZMQ_POLLOUT

   SOCKOPT_GET(uintptr_t,FileDescriptor,ZMQ_FD)

   SOCKOPT_GET(int,Mechanism,ZMQ_MECHANISM) // current security mechanism

   //--- plain
   SOCKOPT_NTSTR(PlainUsername,ZMQ_PLAIN_USERNAME)
   SOCKOPT_NTSTR(PlainPassword,ZMQ_PLAIN_PASSWORD)
   SOCKOPT_BOOL(PlainServer,ZMQ_PLAIN_SERVER)

   //--- gssapi: this is not supported in this binding. Following methods will FAIL if you invoke them
   SOCKOPT_BOOL(GssApiPlainText,ZMQ_GSSAPI_PLAINTEXT)
   SOCKOPT_BOOL(GssApiServer,ZMQ_GSSAPI_SERVER)
   SOCKOPT_NTSTR(GssApiPrincipal,ZMQ_GSSAPI_PRINCIPAL)
   SOCKOPT_NTSTR(GssApiServicePrincipal,ZMQ_GSSAPI_SERVICE_PRINCIPAL)

   //--- curve
   SOCKOPT_CURVE_KEY(Public,ZMQ_CURVE_PUBLICKEY)
   SOCKOPT_CURVE_KEY(Secret,ZMQ_CURVE_SECRETKEY)
   SOCKOPT_CURVE_KEY(Server,ZMQ_CURVE_SERVERKEY)

   SOCKOPT_SET_BOOL(CurveServer,ZMQ_CURVE_SERVER)

   SOCKOPT_GET_NTSTR(LastEndpoint,ZMQ_LAST_ENDPOINT)

   SOCKOPT(int,HandshakeInterval,ZMQ_HANDSHAKE_IVL) // milliseconds
   SOCKOPT_SET(int,HeartbeatInterval,ZMQ_HEARTBEAT_IVL) // milliseconds
   SOCKOPT_SET(int,HeartbeatTimeout,ZMQ_HEARTBEAT_TIMEOUT) // milliseconds
   SOCKOPT_SET(int,HeartbeatTTL,ZMQ_HEARTBEAT_TTL) // milliseconds

   SOCKOPT_BOOL(Immediate,ZMQ_IMMEDIATE)
   SOCKOPT_BOOL(Ipv6,ZMQ_IPV6) //--- ZMQ_IPV4ONLY is deprecated, use this instead
   SOCKOPT(int,Linger,ZMQ_LINGER) // milliseconds
   SOCKOPT(long,MaxMessageSize,ZMQ_MAXMSGSIZE)

   //--- multicast
   SOCKOPT(int,MulticastHops,ZMQ_MULTICAST_HOPS) // hops
   SOCKOPT(int,MulticastMaxTPDU,ZMQ_MULTICAST_MAXTPDU) // bytes
   SOCKOPT(int,MulticastRate,ZMQ_RATE) // kilobits per second
   SOCKOPT(int,RecoveryInterval,ZMQ_RECOVERY_IVL) // multicast recovery interval

   //--- there is a problem here: FileDescriptor should be SOCKET type on Windows,
   //--- while in the zmq doc it is a int. Possible error in the doc
   SOCKOPT(uintptr_t,UseFileDescriptor,ZMQ_USE_FD)

   SOCKOPT_SET_BOOL(ProbeRouter,ZMQ_PROBE_ROUTER) // only for ZMQ_ROUTER, ZMQ_DEALER, ZMQ_REQ

   SOCKOPT(int,ReceiveBuffer,ZMQ_RCVBUF) // bytes
   SOCKOPT(int,ReceiveHighWaterMark,ZMQ_RCVHWM) // messages
   SOCKOPT(int,ReceiveTimeout,ZMQ_RCVTIMEO) // milliseconds
   SOCKOPT(int,SendBuffer,ZMQ_SNDBUF) // bytes
   SOCKOPT(int,SendHighWaterMark,ZMQ_SNDHWM) // messages
   SOCKOPT(int,SendTimeout,ZMQ_SNDTIMEO)

   SOCKOPT_GET_BOOL(ReceiveMore,ZMQ_RCVMORE)

   SOCKOPT(int,ReconnectInterval,ZMQ_RECONNECT_IVL) // milliseconds
   SOCKOPT(int,ReconnectIntervalMax,ZMQ_RECONNECT_IVL_MAX) // milliseconds

   //--- only for ZMQ_REQ
   SOCKOPT_SET_BOOL(RequestCorrelated,ZMQ_REQ_CORRELATE)
   SOCKOPT_SET_BOOL(RequestRelaxed,ZMQ_REQ_RELAXED)

   //--- only for ZMQ_SUB
   SOCKOPT_SET_BYTES(Subscribe,ZMQ_SUBSCRIBE)
   SOCKOPT_SET_BYTES(Unsubscribe,ZMQ_UNSUBSCRIBE)

   //--- convenience methods

   //--- only for ZMQ_XSUB
   SOCKOPT_BOOL(XpubVerbose,ZMQ_XPUB_VERBOSE)
   SOCKOPT_BOOL(XpubVerboser,ZMQ_XPUB_VERBOSER)
   SOCKOPT_BOOL(XpubManual,ZMQ_XPUB_MANUAL)
   SOCKOPT_BOOL(XpubNoDrop,ZMQ_XPUB_NODROP) // also for ZMQ_PUB
   SOCKOPT_SET_BYTES(XpubWelcomeMessage,ZMQ_XPUB_WELCOME_MSG)

   SOCKOPT_BOOL(InvertMatching,ZMQ_INVERT_MATCHING) //--- only for ZMQ_PUB, ZMQ_XPUB, ZMQ_SUB

   //--- only for ZMQ_ROUTER
   SOCKOPT_SET_BOOL(RouterHandover,ZMQ_ROUTER_HANDOVER)
   SOCKOPT_SET_BOOL(RouterMandatory,ZMQ_ROUTER_MANDATORY)
   SOCKOPT_SET_BOOL(RouterRaw,ZMQ_ROUTER_RAW)

   //--- only for ZMQ_STREAM
   SOCKOPT_SET_BOOL(StreamNotify,ZMQ_STREAM_NOTIFY)

   //--- only for ZMQ_ROUTER, ZMQ_STREAM
   SOCKOPT_SET_BYTES(ConnectRid,ZMQ_CONNECT_RID)

   //--- only for ZMQ_REP, ZMQ_REQ, ZMQ_ROUTER, ZMQ_DEALER
   SOCKOPT_BYTES(Identity,ZMQ_IDENTITY,255)

   //--- tcp
   SOCKOPT(int,TcpKeepAlive,ZMQ_TCP_KEEPALIVE)
   SOCKOPT(int,TcpKeepAliveCount,ZMQ_TCP_KEEPALIVE_CNT)
   SOCKOPT(int,TcpKeepAliveIdle,ZMQ_TCP_KEEPALIVE_IDLE)
   SOCKOPT(int,TcpKeepAliveInterval,ZMQ_TCP_KEEPALIVE_INTVL)
   SOCKOPT(int,TcpMaxRetransmitTimeout,ZMQ_TCP_MAXRT)

   SOCKOPT(int,TypeOfService,ZMQ_TOS) // IP_TOS

   //--- ZMQ_TCP_ACCEPT_FILTER
   //--- ZMQ_IPC_FILTER_GID
   //--- ZMQ_IPC_FILTER_PID
   //--- ZMQ_IPC_FILTER_UID
   //--- are deprecated in favor of ZAP API and ip address whitelisting/blacklisting
   SOCKOPT_NTSTR(ZapDomain,ZMQ_ZAP_DOMAIN)

   //--- only for vmci transport
   SOCKOPT(ulong,VmciBufferSize,ZMQ_VMCI_BUFFER_SIZE) // bytes
   SOCKOPT(ulong,VmciBufferMinSize,ZMQ_VMCI_BUFFER_MIN_SIZE) // bytes
   SOCKOPT(ulong,VmciBufferMaxSize,ZMQ_VMCI_BUFFER_MAX_SIZE) // bytes
   SOCKOPT(int,VmciConnectTimeout,ZMQ_VMCI_CONNECT_TIMEOUT) // milliseconds
   bool              subscribe(string channel);
   bool              unsubscribe(string channel);
  };
//--- a 0MQ socket (Socket.mqh)
class Socket: public SocketOptions
  {
public:
                     Socket(const Context &ctx,int type);
   virtual          ~Socket();
   intptr_t          ref() const;
   bool              valid() const;
   bool              bind(string addr);
   bool              unbind(string addr);
   bool              connect(string addr);
   bool              disconnect(string addr);
   bool              send(const uchar &buf[],bool nowait=false);
   bool              sendConst(const uchar &buf[],bool nowait=false);
   bool              send(ZmqMsg &msg,bool nowait=false);
   bool              send(string msg,bool nowait=false);
   bool              send(bool nowait=false);
   bool              sendMore(const uchar &buf[],bool nowait=false);
   bool              sendConstMore(const uchar &buf[],bool nowait=false);
   bool              sendMore(ZmqMsg &msg,bool nowait=false);
   bool              sendMore(string msg,bool nowait=false);
   bool              sendMore(bool nowait=false);
   bool              recv(uchar &buf[],bool nowait=false);
   bool              recv(ZmqMsg &msg,bool nowait=false);
   bool              monitor(string addr,int events);
   static bool       proxy(Socket *frontend,Socket *backend,Socket *capture);
   static bool       proxySteerable(Socket *frontend,Socket *backend,Socket *capture,Socket *control);
   static int        poll(PollItem &arr[],long timeout);
   void              fillPollItem(PollItem &item,short events);
  };
//--- Z85 encoding and CURVE keys (Z85.mqh)
class Z85
  {
public:
   static bool       encode(string &secret,const uchar &data[]);
   static bool       decode(const string secret,uchar &data[]);
   static string     encode(string data);
   static string     decode(string secret);
   static bool       generateKeyPair(uchar &publicKey[],uchar &secretKey[]);
   static bool       derivePublic(uchar &publicKey[],const uchar &secretKey[]);
   static bool       generateKeyPair(string &publicKey,string &secretKey);
   static string     derivePublic(const string secretKey);
  };
