//+------------------------------------------------------------------+
//| Mt4RiskBridge/Client.mqh                                         |
//| One context and one DEALER socket per EA, made by RiskBridgeInit |
//| and closed by RiskBridgeDeinit; only non-blocking receives and   |
//| bounded polls, so the terminal never freezes; LINGER 0 so        |
//| nothing is held after the EA is removed.                         |
//+------------------------------------------------------------------+
#ifndef MT4RISKBRIDGE_CLIENT_MQH
#define MT4RISKBRIDGE_CLIENT_MQH

#include <Zmq/Zmq.mqh>
#include "Json.mqh"
#include "Protocol.mqh"

//--- what a check does when the service is silent past the timeout
enum ENUM_RB_FAIL_MODE
  {
   RB_FAIL_CLOSED=0, // fail-closed: reject the order
   RB_FAIL_OPEN=1    // fail-open: send the requested lots unchecked
  };

//--- user error codes: GetLastError()==ERR_USER_ERROR_FIRST+code after RiskBridgeOrderSend returns -1
#define RB_ERR_REJECTED     1 // the service rejected the order
#define RB_ERR_UNREACHABLE  2 // no reply within the timeout, fail-closed
#define RB_ERR_REFUSED      3 // the service refused the request (protocol error)
#define RB_ERR_NOT_READY    4 // RiskBridgeInit was not called or failed

#define RB_SEND_HWM          10000
#define RB_POLL_SLICE_MS     25
#define RB_INBOX_LIMIT       256
#define RB_RECONNECT_MAX_MS  2000
#define RB_CURVE_KEY_CHARS   40

//--- MQL reaches an object through a pointer with '.', C++ (the Linux harness) with '->'
#ifdef __MQL4__
#define RB_VIA(pointer,member) pointer.member
#else
#define RB_VIA(pointer,member) pointer->member
#endif

//+------------------------------------------------------------------+
//| This EA's own ZeroMQ context and socket. Made by RiskBridgeInit  |
//| once DLL imports are known to be allowed (a global object would  |
//| call libzmq.dll before OnInit); not shared with other EAs, since |
//| mql-zmq's shared-context lock no longer excludes (upstream       |
//| 67aac37). The socket is declared last: it closes first.          |
//+------------------------------------------------------------------+
class RbLink
  {
public:
   Context           context;
   Socket            socket;
                     RbLink():socket(context,ZMQ_DEALER) {}
  };

//--- everything the include knows about its connection, one per EA
struct RbState
  {
   string            endpoint;
   string            token;
   string            client;
   string            idPrefix;
   string            serverKey;        // the service's CURVE public key (Z85); empty: no CURVE
   string            clientPublicKey;  // this EA's CURVE pair; empty: a fresh pair per start
   string            clientSecretKey;
   int               timeoutMs;
   int               failMode;
   bool              initialized;
   bool              testing;          // in the Strategy Tester: nothing is sent, every check approves
   bool              connected;
   bool              welcomed;
   bool              needResync;
   bool              keepPushes;       // the monitor handles pushes; a strategy EA only counts them
   string            session;
   int               heartbeatMs;
   int               welcomeCount;
   bool              everHeard;
   uint              lastHeard;
   long              nextId;
   int               sendFailures;
   string            inbox[];
   int               inboxCount;
   int               pushesSeen;
   string            lastWarning;
   string            symbolsSent[];
   double            symbolsTickValue[];
   double            symbolsMargin[];
   int               symbolsSentCount;
   string            lastReason;
   int               lastVerdict;
   double            lastLots;
   double            lastRequestedLots;
   bool              lastFailed;       // the last verdict came from the fail mode, and was logged there
  };

RbState g_rb;
RbLink *g_rbLink=NULL;

//+------------------------------------------------------------------+
//| "fail-closed" or "fail-open".                                    |
//+------------------------------------------------------------------+
string RiskBridgeFailModeName(const int failMode)
  {
   return failMode==RB_FAIL_OPEN ? "fail-open" : "fail-closed";
  }
//+------------------------------------------------------------------+
//| Lots as text with two decimals.                                  |
//+------------------------------------------------------------------+
string RbLots(const double lots)
  {
   return DoubleToString(lots,2);
  }
//+------------------------------------------------------------------+
//| A request id unique for this EA run: client-start-counter.       |
//+------------------------------------------------------------------+
string RbNextId(const string kind)
  {
   g_rb.nextId++;
   return g_rb.idPrefix+"-"+kind+"-"+IntegerToString(g_rb.nextId);
  }
//+------------------------------------------------------------------+
//| Sends one JSON message as one UTF-8 frame without blocking.      |
//| false when the service is not connected or the queue is full.    |
//+------------------------------------------------------------------+
bool RbSendText(const string json)
  {
   if(g_rbLink==NULL)
      return false;
   uchar bytes[];
   int n=StringToCharArray(json,bytes,0,WHOLE_ARRAY,CP_UTF8);
   if(n>0 && bytes[n-1]==0)
      ArrayResize(bytes,n-1);
   if(RB_VIA(g_rbLink,socket).send(bytes,true))
     {
      g_rb.connected=true;
      return true;
     }
   g_rb.sendFailures++;
   g_rb.connected=false;
   return false;
  }
//+------------------------------------------------------------------+
//| Takes one waiting frame, if any, as text decoded from UTF-8.     |
//+------------------------------------------------------------------+
bool RbReceiveText(string &json)
  {
   if(g_rbLink==NULL)
      return false;
   ZmqMsg message;
   if(!RB_VIA(g_rbLink,socket).recv(message,true))
      return false;
   uchar bytes[];
   message.getData(bytes);
   json=CharArrayToString(bytes,0,ArraySize(bytes),CP_UTF8);
   return true;
  }
//+------------------------------------------------------------------+
//| Waits up to timeoutMs for the socket to have something to read   |
//| (or, with forWrite, to accept a message). Never blocks longer.   |
//+------------------------------------------------------------------+
bool RbPollFor(const int timeoutMs,const bool forWrite)
  {
   if(g_rbLink==NULL)
      return false;
   PollItem items[];
   ArrayResize(items,1);
   RB_VIA(g_rbLink,socket).fillPollItem(items[0],(short)(forWrite ? ZMQ_POLLOUT : ZMQ_POLLIN));
   int ms=timeoutMs<0 ? 0 : timeoutMs;
   if(Socket::poll(items,ms)<=0)
      return false;
   return forWrite ? items[0].hasOutput() : items[0].hasInput();
  }
//+------------------------------------------------------------------+
//| Stores a pushed message (warning, instruction) for the EA.       |
//+------------------------------------------------------------------+
void RbQueuePush(const string json)
  {
   if(g_rb.inboxCount>=RB_INBOX_LIMIT)
     {
      Print("Mt4RiskBridge: inbox full, dropping the oldest pushed message");
      for(int i=1;i<g_rb.inboxCount;i++)
         g_rb.inbox[i-1]=g_rb.inbox[i];
      g_rb.inboxCount--;
     }
   if(ArraySize(g_rb.inbox)<=g_rb.inboxCount)
      ArrayResize(g_rb.inbox,g_rb.inboxCount+16);
   g_rb.inbox[g_rb.inboxCount]=json;
   g_rb.inboxCount++;
  }
//+------------------------------------------------------------------+
//| Handles one received message. Returns true when it is the reply  |
//| carrying awaitedId (empty: none awaited); replies to other ids   |
//| are late answers to requests already given up on and are dropped.|
//+------------------------------------------------------------------+
bool RbHandle(const string json,const string awaitedId)
  {
   g_rb.everHeard=true;
   g_rb.lastHeard=GetTickCount();
   RbJson doc;
   if(!doc.Parse(json) || doc.Kind(0)!=RB_JSON_OBJECT)
     {
      Print("Mt4RiskBridge: unreadable message from the service (",doc.Error(),")");
      return false;
     }
   string type=doc.GetString(0,"type");
   string id=doc.GetString(0,"id");
   if(type=="welcome")
     {
      g_rb.welcomed=true;
      g_rb.session=doc.GetString(0,"session");
      int heartbeat=(int)doc.GetInteger(0,"heartbeatMs",g_rb.heartbeatMs);
      if(heartbeat>0)
         g_rb.heartbeatMs=heartbeat;
      g_rb.welcomeCount++;
      Print("Mt4RiskBridge: ",g_rb.client," connected to ",g_rb.endpoint,", session ",g_rb.session);
     }
   else if(type=="warning" || type=="instruction")
     {
      g_rb.pushesSeen++;
      if(type=="warning")
         g_rb.lastWarning=doc.GetString(0,"code")+": "+doc.GetString(0,"message");
      // only the monitor acts on pushes; a strategy EA keeps the last warning and moves on, so nothing piles up
      if(g_rb.keepPushes)
         RbQueuePush(json);
     }
   else if(type=="error")
     {
      string code=doc.GetString(0,"code");
      if(code=="no_hello")
        {
         // the service does not know this connection: it was restarted
         if(g_rb.welcomed)
            Print("Mt4RiskBridge: the service no longer knows this connection (restarted?); saying hello again");
         g_rb.welcomed=false;
         g_rb.needResync=true;
        }
      else if(id=="" || id!=awaitedId)
         Print("Mt4RiskBridge: service error ",code,": ",doc.GetString(0,"message"));
     }
   return awaitedId!="" && id==awaitedId;
  }
//+------------------------------------------------------------------+
//| Reads everything waiting, without blocking. Call from OnTimer or |
//| OnTick so that warnings and welcomes are seen between checks.    |
//+------------------------------------------------------------------+
void RiskBridgePump()
  {
   if(!g_rb.initialized || g_rbLink==NULL)
      return;
   string json;
   for(int i=0;i<1000 && RbReceiveText(json);i++)
      RbHandle(json,"");
  }
//+------------------------------------------------------------------+
//| Waits for the reply to id until the deadline (started at start,  |
//| timeoutMs long); other messages are handled on the way.          |
//+------------------------------------------------------------------+
bool RbAwait(const string id,const uint start,const int timeoutMs,string &reply)
  {
   while(true)
     {
      string json;
      while(RbReceiveText(json))
        {
         if(RbHandle(json,id))
           {
            reply=json;
            return true;
           }
        }
      uint elapsed=GetTickCount()-start;
      if(elapsed>=(uint)timeoutMs)
         return false;
      int left=timeoutMs-(int)elapsed;
      RbPollFor(left<RB_POLL_SLICE_MS ? left : RB_POLL_SLICE_MS,false);
     }
  }
//+------------------------------------------------------------------+
//| Sends hello; the welcome is read later by a pump or an await.    |
//+------------------------------------------------------------------+
bool RbHello()
  {
   g_rb.symbolsSentCount=0;
   g_rb.needResync=false;
   return RbSendText(RbHelloMessage(g_rb.client,g_rb.token));
  }
//+------------------------------------------------------------------+
//| Sends a symbol's spec once per session, again when its tick      |
//| value or margin was 0 or has moved, and its current quote, so    |
//| that a check never depends on another EA's stream.               |
//+------------------------------------------------------------------+
bool RbSendMarketState(const string symbol)
  {
   int known=-1;
   for(int i=0;i<g_rb.symbolsSentCount && known<0;i++)
      if(g_rb.symbolsSent[i]==symbol)
         known=i;
   if(known<0)
     {
      if(ArraySize(g_rb.symbolsSent)<=g_rb.symbolsSentCount)
        {
         ArrayResize(g_rb.symbolsSent,g_rb.symbolsSentCount+8);
         ArrayResize(g_rb.symbolsTickValue,g_rb.symbolsSentCount+8);
         ArrayResize(g_rb.symbolsMargin,g_rb.symbolsSentCount+8);
        }
      known=g_rb.symbolsSentCount;
      g_rb.symbolsSent[known]=symbol;
      g_rb.symbolsTickValue[known]=-1.0;
      g_rb.symbolsMargin[known]=-1.0;
      g_rb.symbolsSentCount++;
     }
   if(RbSpecStale(symbol,g_rb.symbolsTickValue[known],g_rb.symbolsMargin[known]))
     {
      if(!RbSendText(RbSymbolMessage(symbol)))
         return false;
      g_rb.symbolsTickValue[known]=MarketInfo(symbol,MODE_TICKVALUE);
      g_rb.symbolsMargin[known]=MarketInfo(symbol,MODE_MARGINREQUIRED);
     }
   return RbSendText(RbTickMessage(symbol));
  }
//+------------------------------------------------------------------+
//| Market state for a check: the order's symbol and every symbol    |
//| with an open position, since the service judges the snapshot's  |
//| positions too and must know their contracts and quotes.          |
//+------------------------------------------------------------------+
bool RbSendCheckMarkets(const string symbol)
  {
   if(!RbSendMarketState(symbol))
      return false;
   string done[];
   int count=0;
   int total=OrdersTotal();
   for(int i=0;i<total;i++)
     {
      if(!OrderSelect(i,SELECT_BY_POS,MODE_TRADES) || (OrderType()!=OP_BUY && OrderType()!=OP_SELL))
         continue;
      string other=OrderSymbol();
      bool seen=other==symbol;
      for(int k=0;k<count && !seen;k++)
         seen=done[k]==other;
      if(seen)
         continue;
      ArrayResize(done,count+1);
      done[count]=other;
      count++;
      if(!RbSendMarketState(other))
         return false;
     }
   return true;
  }
//+------------------------------------------------------------------+
//| Closes the socket (LINGER 0: at once) and the context.           |
//+------------------------------------------------------------------+
void RiskBridgeDeinit()
  {
   if(g_rbLink!=NULL)
     {
      RB_VIA(g_rbLink,socket).setLinger(0);
      delete g_rbLink;
      g_rbLink=NULL;
     }
   g_rb.initialized=false;
   g_rb.welcomed=false;
   g_rb.connected=false;
  }
//+------------------------------------------------------------------+
//| CURVE: the service's public key (server.pub, 40 Z85 characters)  |
//| and optionally this EA's own pair; call before RiskBridgeInit.   |
//| Without a pair of its own the EA makes a fresh one at each start |
//| (the service identifies terminals by their token, not the key).  |
//+------------------------------------------------------------------+
void RiskBridgeUseCurve(const string serverKey,const string clientPublicKey="",const string clientSecretKey="")
  {
   g_rb.serverKey=serverKey;
   g_rb.clientPublicKey=clientPublicKey;
   g_rb.clientSecretKey=clientSecretKey;
  }
//+------------------------------------------------------------------+
//| Checks the CURVE keys and makes the client pair when none given. |
//+------------------------------------------------------------------+
bool RbCurveKeysReady()
  {
   if(StringLen(g_rb.serverKey)!=RB_CURVE_KEY_CHARS)
     {
      g_rb.lastReason="Mt4RiskBridge: the service's CURVE key must be the 40 characters of its server.pub, not "+
                      IntegerToString(StringLen(g_rb.serverKey));
      Alert(g_rb.lastReason);
      return false;
     }
   if(g_rb.clientPublicKey=="" && g_rb.clientSecretKey=="")
     {
      string publicKey,secretKey;
      if(!Z85::generateKeyPair(publicKey,secretKey))
        {
         g_rb.lastReason="Mt4RiskBridge: libzmq.dll could not make a CURVE key pair (is libsodium.dll beside it?)";
         Alert(g_rb.lastReason);
         return false;
        }
      g_rb.clientPublicKey=publicKey;
      g_rb.clientSecretKey=secretKey;
     }
   if(StringLen(g_rb.clientPublicKey)!=RB_CURVE_KEY_CHARS || StringLen(g_rb.clientSecretKey)!=RB_CURVE_KEY_CHARS ||
      Z85::derivePublic(g_rb.clientSecretKey)!=g_rb.clientPublicKey)
     {
      g_rb.lastReason="Mt4RiskBridge: the client CURVE keys are not a pair (keygen <folder> client writes one)";
      Alert(g_rb.lastReason);
      return false;
     }
   return true;
  }
//+------------------------------------------------------------------+
//| Connects this EA's socket to the service and says hello.         |
//| endpoint: e.g. tcp://127.0.0.1:5557; token: "" when the service  |
//| needs none; timeoutMs: how long a check waits for its decision;  |
//| failMode: RB_FAIL_CLOSED (reject) or RB_FAIL_OPEN (approve) when |
//| no decision comes in time; client: the name sent in hello.       |
//| Waits at most timeoutMs for the welcome; a missing one is not an |
//| error (the service may start later), checks then use failMode.   |
//+------------------------------------------------------------------+
bool RiskBridgeInit(const string endpoint,const string token,const int timeoutMs,const int failMode,const string client="")
  {
   if(g_rb.initialized)
      RiskBridgeDeinit();
   g_rb.endpoint=endpoint;
   g_rb.token=token;
   g_rb.timeoutMs=timeoutMs>0 ? timeoutMs : 500;
   g_rb.failMode=failMode==RB_FAIL_OPEN ? RB_FAIL_OPEN : RB_FAIL_CLOSED;
   g_rb.client=client!="" ? client : WindowExpertName();
   g_rb.heartbeatMs=1000;
   g_rb.lastVerdict=-1;
   // ids stay well under the protocol's 64 characters: the client name without its version (24 characters at
   // most), the start time and a counter, e.g. Mt4RiskBridgeSampleEA-81234567-check-7
   string name=g_rb.client;
   int slash=StringFind(name,"/");
   if(slash>0)
      name=StringSubstr(name,0,slash);
   if(StringLen(name)>24)
      name=StringSubstr(name,0,24);
   g_rb.idPrefix=name+"-"+IntegerToString(GetTickCount());
   g_rb.welcomed=false;
   g_rb.session="";
   g_rb.everHeard=false;
   g_rb.inboxCount=0;
   g_rb.symbolsSentCount=0;
   g_rb.testing=IsTesting();
   if(g_rb.testing)
     {
      // the tester's account is not the live one: the service must not see it; checks approve (RiskBridgeCheck)
      Print("Mt4RiskBridge: Strategy Tester: orders are not checked by the service");
      g_rb.initialized=true;
      return true;
     }
   // before any call into libzmq.dll: with DLL imports off the terminal would stop the EA at that call
   if(!MQLInfoInteger(MQL_DLLS_ALLOWED))
     {
      g_rb.lastReason="Mt4RiskBridge: "+g_rb.client+" needs \"Allow DLL imports\" (Tools > Options > Expert Advisors, and the"+
                      " Common tab when attaching) to load libzmq.dll";
      Alert(g_rb.lastReason);
      return false;
     }
   if(g_rb.serverKey!="" && !RbCurveKeysReady())
      return false;
   g_rbLink=new RbLink();
   if(!RB_VIA(g_rbLink,socket).valid())
     {
      g_rb.lastReason="Mt4RiskBridge: could not create a ZeroMQ socket (is libzmq.dll in MQL4/Libraries?)";
      Alert(g_rb.lastReason);
      RiskBridgeDeinit();
      return false;
     }
   // LINGER 0: closing never waits for unsent messages, so removing the EA never hangs the terminal
   RB_VIA(g_rbLink,socket).setLinger(0);
   // a deep queue: state and checks are never dropped silently; a full queue fails the send, which is reported
   RB_VIA(g_rbLink,socket).setSendHighWaterMark(RB_SEND_HWM);
   RB_VIA(g_rbLink,socket).setReceiveHighWaterMark(RB_SEND_HWM);
   // queue only on a live connection: with the service down a send fails at once instead of piling up
   RB_VIA(g_rbLink,socket).setImmediate(true);
   RB_VIA(g_rbLink,socket).setReconnectIntervalMax(RB_RECONNECT_MAX_MS);
   if(g_rb.serverKey!="" &&
      !(RB_VIA(g_rbLink,socket).setCurveServerKey(g_rb.serverKey) && RB_VIA(g_rbLink,socket).setCurvePublicKey(g_rb.clientPublicKey) &&
        RB_VIA(g_rbLink,socket).setCurveSecretKey(g_rb.clientSecretKey)))
     {
      g_rb.lastReason="Mt4RiskBridge: libzmq.dll refused the CURVE keys (is it built with CURVE, with libsodium.dll beside it?)";
      Alert(g_rb.lastReason);
      RiskBridgeDeinit();
      return false;
     }
   if(!RB_VIA(g_rbLink,socket).connect(endpoint))
     {
      g_rb.lastReason="Mt4RiskBridge: cannot connect to "+endpoint+" (expected tcp://host:port)";
      Alert(g_rb.lastReason);
      RiskBridgeDeinit();
      return false;
     }
   g_rb.initialized=true;
   uint start=GetTickCount();
   if(!RbPollFor(g_rb.timeoutMs,true) || !RbHello())
     {
      Print("Mt4RiskBridge: ",endpoint," is not reachable yet; will keep trying; checks are ",RiskBridgeFailModeName(g_rb.failMode),
            " until it answers within ",IntegerToString(g_rb.timeoutMs)," ms");
      return true;
     }
   while(!g_rb.welcomed && GetTickCount()-start<(uint)g_rb.timeoutMs)
     {
      RiskBridgePump();
      if(!g_rb.welcomed)
         RbPollFor(RB_POLL_SLICE_MS,false);
     }
   if(!g_rb.welcomed)
      Print("Mt4RiskBridge: no welcome from ",endpoint," within ",IntegerToString(g_rb.timeoutMs)," ms; will keep trying");
   return true;
  }
//+------------------------------------------------------------------+
//| Reason texts of a decision: "code: message (max N lots)", "; ".  |
//+------------------------------------------------------------------+
string RbReasonsText(RbJson &doc)
  {
   int reasons=doc.Find(0,"reasons");
   string text="";
   int n=doc.Count(reasons);
   for(int i=0;i<n;i++)
     {
      int r=doc.Child(reasons,i);
      string one=doc.GetString(r,"code")+": "+doc.GetString(r,"message");
      int maxLots=doc.Find(r,"maxLots");
      if(doc.Kind(maxLots)==RB_JSON_NUMBER)
         one+=" (max "+RbLots(doc.Number(maxLots))+" lots)";
      if(text!="")
         text+="; ";
      text+=one;
     }
   return text;
  }
//+------------------------------------------------------------------+
//| A leverage member: a number, or 0 for "unlimited"; -1 if absent. |
//+------------------------------------------------------------------+
double RbLeverageOf(RbJson &doc,const int node)
  {
   if(doc.Kind(node)==RB_JSON_NUMBER)
      return doc.Number(node);
   if(doc.Kind(node)==RB_JSON_STRING && doc.Text(node)=="unlimited")
      return 0.0;
   return -1.0;
  }
//+------------------------------------------------------------------+
//| Publishes the last decision to the terminal's global variables   |
//| so that the monitor EA's panel can show it.                      |
//+------------------------------------------------------------------+
void RbPublishDecision(const int verdict,const double requested,const double lots,RbJson &doc)
  {
   string prefix="Mt4RiskBridge."+IntegerToString(AccountNumber())+".";
   GlobalVariableSet(prefix+"verdict",verdict);
   GlobalVariableSet(prefix+"requestedLots",requested);
   GlobalVariableSet(prefix+"lots",lots);
   GlobalVariableSet(prefix+"time",(double)TimeCurrent());
   double leverage=RbLeverageOf(doc,doc.Find(0,"leverage"));
   if(leverage>=0.0)
      GlobalVariableSet(prefix+"leverage",leverage);
   int tier=doc.Find(0,"tier");
   if(doc.Kind(tier)==RB_JSON_OBJECT)
     {
      GlobalVariableSet(prefix+"tierMinEquity",doc.GetNumber(tier,"minEquity"));
      double tierLeverage=RbLeverageOf(doc,doc.Find(tier,"leverage"));
      if(tierLeverage>=0.0)
         GlobalVariableSet(prefix+"tierLeverage",tierLeverage);
     }
  }
//+------------------------------------------------------------------+
//| The verdict when no decision came: fail-closed rejects,          |
//| fail-open approves the requested lots. The reason names the      |
//| request and the mode.                                            |
//+------------------------------------------------------------------+
int RbFailVerdict(const string what,const double lots,double &approvedLots,string &reason)
  {
   g_rb.lastFailed=true;
   if(g_rb.failMode==RB_FAIL_OPEN)
     {
      approvedLots=lots;
      reason=what+"; fail-open: the requested "+RbLots(lots)+" lots are approved unchecked";
      Print("Mt4RiskBridge: bridge unreachable: ",reason);
      g_rb.lastVerdict=RB_APPROVE;
      return RB_APPROVE;
     }
   approvedLots=0.0;
   reason=what+"; fail-closed: the order is rejected";
   Print("Mt4RiskBridge: bridge unreachable: ",reason);
   g_rb.lastVerdict=RB_REJECT;
   SetUserError(RB_ERR_UNREACHABLE);
   return RB_REJECT;
  }
//+------------------------------------------------------------------+
//| Sends a check or a size request (kind) with the market state it  |
//| needs and waits for its reply within the timeout, saying hello   |
//| again when a restarted service no longer knows the connection.   |
//| false with failure set when no readable reply came.              |
//+------------------------------------------------------------------+
bool RbExchange(const string kind,const string symbol,const int cmd,const double lots,const double price,
                const double sl,const double tp,const int magic,const string comment,const double riskPercent,
                const string what,string &id,RbJson &doc,string &failure)
  {
   uint start=GetTickCount();
   RiskBridgePump();
   string reply="";
   for(int attempt=0;attempt<3;attempt++)
     {
      id=RbNextId(kind);
      string message=kind=="size" ? RbSizeMessage(id,symbol,cmd,sl,riskPercent)
                                  : RbCheckMessage(id,symbol,cmd,lots,price,sl,tp,magic,comment);
      bool sent=(g_rb.welcomed || RbHello()) && RbSendCheckMarkets(symbol) && RbSendText(message);
      if(!sent)
        {
         // not connected: wait for the connection within the same deadline, then try again
         uint spent=GetTickCount()-start;
         if(attempt<2 && spent<(uint)g_rb.timeoutMs && RbPollFor(g_rb.timeoutMs-(int)spent,true))
            continue;
         failure="Mt4RiskBridge: could not send "+kind+" \""+id+"\" ("+what+") to "+g_rb.endpoint+
                 ": not connected within "+IntegerToString(g_rb.timeoutMs)+" ms";
         return false;
        }
      if(!RbAwait(id,start,g_rb.timeoutMs,reply))
        {
         string answer=kind=="size" ? "suggestion" : "decision";
         failure="Mt4RiskBridge: no "+answer+" for "+kind+" \""+id+"\" ("+what+") from "+g_rb.endpoint+
                 " within "+IntegerToString(g_rb.timeoutMs)+" ms";
         return false;
        }
      if(!doc.Parse(reply))
        {
         failure="Mt4RiskBridge: unreadable reply to "+kind+" \""+id+"\" ("+what+"): "+doc.Error();
         return false;
        }
      // a restarted service does not know this connection: hello again and ask again, same deadline
      if(attempt<2 && doc.GetString(0,"type")=="error" && doc.GetString(0,"code")=="no_hello")
         continue;
      break;
     }
   return true;
  }
//+------------------------------------------------------------------+
//| Asks the service whether an order may go out.                    |
//| cmd: OP_BUY..OP_SELLSTOP; price: the order price (0 for market   |
//| lets the service use its quote). Sends a snapshot of the account |
//| and positions with the check. Waits at most the timeout given to |
//| RiskBridgeInit. Returns RB_APPROVE, RB_RESIZE (approvedLots is   |
//| smaller than lots) or RB_REJECT; reason explains any but approve.|
//+------------------------------------------------------------------+
int RiskBridgeCheck(const string symbol,const int cmd,const double lots,const double price,const double sl,
                    const double tp,const int magic,double &approvedLots,string &reason,const string comment="")
  {
   approvedLots=0.0;
   reason="";
   g_rb.lastFailed=false;
   g_rb.lastRequestedLots=lots;
   if(!g_rb.initialized)
     {
      reason="Mt4RiskBridge: RiskBridgeInit was not called (or failed); the order is rejected";
      SetUserError(RB_ERR_NOT_READY);
      g_rb.lastVerdict=RB_REJECT;
      return RB_REJECT;
     }
   if(!RbIsOrderCmd(cmd))
     {
      reason="Mt4RiskBridge: "+IntegerToString(cmd)+" is not an OrderSend operation; the order is rejected";
      SetUserError(RB_ERR_REFUSED);
      g_rb.lastVerdict=RB_REJECT;
      return RB_REJECT;
     }
   if(g_rb.testing)
     {
      approvedLots=lots;
      reason="Mt4RiskBridge: Strategy Tester: not checked";
      g_rb.lastVerdict=RB_APPROVE;
      g_rb.lastLots=lots;
      return RB_APPROVE;
     }
   string order=symbol+" "+RbSideOf(cmd)+" "+RbLots(lots)+" lots";
   string id="";
   string failure="";
   RbJson doc;
   if(!RbExchange("check",symbol,cmd,lots,price,sl,tp,magic,comment,0.0,order,id,doc,failure))
      return RbFailVerdict(failure,lots,approvedLots,reason);
   string type=doc.GetString(0,"type");
   if(type!="decision")
     {
      reason="Mt4RiskBridge: the service refused check \""+id+"\" ("+order+"): "+doc.GetString(0,"code")+": "+
             doc.GetString(0,"message");
      SetUserError(RB_ERR_REFUSED);
      g_rb.lastVerdict=RB_REJECT;
      return RB_REJECT;
     }
   int verdict=RbParseVerdict(doc.GetString(0,"verdict"));
   approvedLots=verdict==RB_REJECT ? 0.0 : doc.GetNumber(0,"lots",0.0);
   if(verdict==RB_RESIZE && approvedLots>=lots)
      verdict=RB_APPROVE;
   if(verdict!=RB_REJECT && approvedLots<=0.0)
      verdict=RB_REJECT;
   string reasons=RbReasonsText(doc);
   if(verdict==RB_RESIZE)
      reason="Mt4RiskBridge: "+order+" resized to "+RbLots(approvedLots)+" lots: "+reasons;
   else if(verdict==RB_REJECT)
     {
      reason="Mt4RiskBridge: "+order+" rejected: "+(reasons!="" ? reasons : "no reason given");
      SetUserError(RB_ERR_REJECTED);
     }
   else
      reason=reasons;
   g_rb.lastVerdict=verdict;
   g_rb.lastLots=approvedLots;
   RbPublishDecision(verdict,lots,approvedLots,doc);
   return verdict;
  }
//+------------------------------------------------------------------+
//| The largest lots for a market order (cmd OP_BUY or OP_SELL) with |
//| stop sl whose loss at the stop is at most riskPercent of equity  |
//| and which every rule of the service allows. 0 when none is, when |
//| the request is refused or when the service does not answer in    |
//| time (no fail mode can invent a size); reason says why. In the   |
//| Strategy Tester the service is not asked: the lots come from the |
//| tick value alone, rounded down to the lot step.                  |
//+------------------------------------------------------------------+
double RiskBridgeSuggestLots(const string symbol,const int cmd,const double sl,const double riskPercent,string &reason)
  {
   reason="";
   if(!g_rb.initialized)
     {
      reason="Mt4RiskBridge: RiskBridgeInit was not called (or failed); no size";
      SetUserError(RB_ERR_NOT_READY);
      return 0.0;
     }
   if(cmd!=OP_BUY && cmd!=OP_SELL)
     {
      reason="Mt4RiskBridge: a size is for a market order (OP_BUY or OP_SELL), not "+IntegerToString(cmd);
      SetUserError(RB_ERR_REFUSED);
      return 0.0;
     }
   string what=symbol+" "+RbSideOf(cmd)+" sl "+DoubleToString(sl,(int)MarketInfo(symbol,MODE_DIGITS))+
               " risking "+DoubleToString(riskPercent,2)+"%";
   if(g_rb.testing)
     {
      double entry=MarketInfo(symbol,cmd==OP_BUY ? MODE_ASK : MODE_BID);
      double tickSize=MarketInfo(symbol,MODE_TICKSIZE);
      double step=MarketInfo(symbol,MODE_LOTSTEP);
      double lossPerLot=tickSize>0.0 ? MathAbs(entry-sl)/tickSize*MarketInfo(symbol,MODE_TICKVALUE) : 0.0;
      double lots=lossPerLot>0.0 && step>0.0 ? MathFloor(AccountEquity()*riskPercent/100.0/lossPerLot/step+1e-9)*step : 0.0;
      lots=MathMin(lots,MarketInfo(symbol,MODE_MAXLOT));
      if(lots<MarketInfo(symbol,MODE_MINLOT))
         lots=0.0;
      reason="Mt4RiskBridge: Strategy Tester: "+what+" sized from the tick value, not checked";
      return lots;
     }
   string id="";
   string failure="";
   RbJson doc;
   if(!RbExchange("size",symbol,cmd,0.0,0.0,sl,0.0,0,"",riskPercent,what,id,doc,failure))
     {
      reason=failure+"; no size";
      Print(reason);
      SetUserError(RB_ERR_UNREACHABLE);
      return 0.0;
     }
   if(doc.GetString(0,"type")!="suggestion")
     {
      reason="Mt4RiskBridge: the service refused size \""+id+"\" ("+what+"): "+doc.GetString(0,"code")+": "+
             doc.GetString(0,"message");
      SetUserError(RB_ERR_REFUSED);
      return 0.0;
     }
   double lots=doc.GetNumber(0,"lots",0.0);
   string reasons=RbReasonsText(doc);
   reason="Mt4RiskBridge: "+what+": "+RbLots(lots)+" lots"+(reasons!="" ? " ("+reasons+")" : "");
   if(lots<=0.0)
      SetUserError(RB_ERR_REJECTED);
   return lots>0.0 ? lots : 0.0;
  }
//+------------------------------------------------------------------+
//| OrderSend with the service asked first: the same arguments as    |
//| OrderSend; sends the approved lots (a resize sends fewer); a     |
//| market order at the quote current after the decision;           |
//| returns -1 when rejected, with GetLastError() ==                 |
//| ERR_USER_ERROR_FIRST+RB_ERR_* and RiskBridgeLastReason() saying  |
//| why.                                                             |
//+------------------------------------------------------------------+
int RiskBridgeOrderSend(const string symbol,const int cmd,const double volume,const double price,const int slippage,
                        const double stoploss,const double takeprofit,const string comment="",const int magic=0,
                        const datetime expiration=0,const color arrow_color=clrNONE)
  {
   double approved=0.0;
   string reason="";
   int verdict=RiskBridgeCheck(symbol,cmd,volume,price,stoploss,takeprofit,magic,approved,reason,comment);
   g_rb.lastReason=reason;
   if(verdict==RB_REJECT)
     {
      if(!g_rb.lastFailed)
         Print(reason);
      return -1;
     }
   if(verdict==RB_RESIZE)
      Print(reason);
   // the decision took time: a market order goes out at the quote of now, not the one the caller read before
   double sendPrice=price;
   if(cmd==OP_BUY || cmd==OP_SELL)
     {
      RefreshRates();
      double quote=MarketInfo(symbol,cmd==OP_BUY ? MODE_ASK : MODE_BID);
      if(quote>0.0)
         sendPrice=NormalizeDouble(quote,(int)MarketInfo(symbol,MODE_DIGITS));
     }
   return OrderSend(symbol,cmd,approved,sendPrice,slippage,stoploss,takeprofit,comment,magic,expiration,arrow_color);
  }
//+------------------------------------------------------------------+
//| What the last check decided, and why (empty for a plain approve).|
//+------------------------------------------------------------------+
string RiskBridgeLastReason() { return g_rb.lastReason; }
int    RiskBridgeLastVerdict() { return g_rb.lastVerdict; }
//--- pushed warnings seen, and the last one as "code: message" (the monitor EA shows and relays them)
int    RiskBridgePushesSeen() { return g_rb.pushesSeen; }
string RiskBridgeLastWarning() { return g_rb.lastWarning; }

#endif
