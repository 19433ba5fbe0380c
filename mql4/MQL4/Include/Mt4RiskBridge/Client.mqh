//+------------------------------------------------------------------+
//| Mt4RiskBridge/Client.mqh                                         |
//| One DEALER socket per EA, made once and reused; only             |
//| non-blocking receives and bounded polls, so the terminal never   |
//| freezes; LINGER 0 so nothing is held after the EA is removed.    |
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

//--- one context per terminal (shared by name), one socket per EA
Context g_rbContext("Mt4RiskBridge.Context");
Socket  g_rbSocket(g_rbContext,ZMQ_DEALER);

string g_rbEndpoint="";
string g_rbToken="";
string g_rbClient="";
string g_rbIdPrefix="";
int    g_rbTimeoutMs=500;
int    g_rbFailMode=RB_FAIL_CLOSED;
bool   g_rbInitialized=false;
bool   g_rbConnected=false;
bool   g_rbWelcomed=false;
bool   g_rbNeedResync=false;
string g_rbSession="";
int    g_rbHeartbeatMs=1000;
int    g_rbWelcomeCount=0;
bool   g_rbEverHeard=false;
uint   g_rbLastHeard=0;
long   g_rbNextId=0;
int    g_rbSendFailures=0;
string g_rbInbox[];
int    g_rbInboxCount=0;
string g_rbSymbolsSent[];
int    g_rbSymbolsSentCount=0;
string g_rbLastReason="";
int    g_rbLastVerdict=-1;
double g_rbLastLots=0.0;
double g_rbLastRequestedLots=0.0;
bool   g_rbLastFailed=false; // the last verdict came from the fail mode, and was logged there

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
   g_rbNextId++;
   return g_rbIdPrefix+"-"+kind+"-"+IntegerToString(g_rbNextId);
  }
//+------------------------------------------------------------------+
//| Sends one JSON message as one UTF-8 frame without blocking.      |
//| false when the service is not connected or the queue is full.    |
//+------------------------------------------------------------------+
bool RbSendText(const string json)
  {
   uchar bytes[];
   int n=StringToCharArray(json,bytes,0,WHOLE_ARRAY,CP_UTF8);
   if(n>0 && bytes[n-1]==0)
      ArrayResize(bytes,n-1);
   if(g_rbSocket.send(bytes,true))
     {
      g_rbConnected=true;
      return true;
     }
   g_rbSendFailures++;
   g_rbConnected=false;
   return false;
  }
//+------------------------------------------------------------------+
//| Takes one waiting frame, if any, as text decoded from UTF-8.     |
//+------------------------------------------------------------------+
bool RbReceiveText(string &json)
  {
   ZmqMsg message;
   if(!g_rbSocket.recv(message,true))
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
   PollItem items[];
   ArrayResize(items,1);
   g_rbSocket.fillPollItem(items[0],(short)(forWrite ? ZMQ_POLLOUT : ZMQ_POLLIN));
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
   if(g_rbInboxCount>=RB_INBOX_LIMIT)
     {
      Print("Mt4RiskBridge: inbox full, dropping the oldest pushed message");
      for(int i=1;i<g_rbInboxCount;i++)
         g_rbInbox[i-1]=g_rbInbox[i];
      g_rbInboxCount--;
     }
   if(ArraySize(g_rbInbox)<=g_rbInboxCount)
      ArrayResize(g_rbInbox,g_rbInboxCount+16);
   g_rbInbox[g_rbInboxCount]=json;
   g_rbInboxCount++;
  }
//+------------------------------------------------------------------+
//| Handles one received message. Returns true when it is the reply  |
//| carrying awaitedId (empty: none awaited); replies to other ids   |
//| are late answers to requests already given up on and are dropped.|
//+------------------------------------------------------------------+
bool RbHandle(const string json,const string awaitedId)
  {
   g_rbEverHeard=true;
   g_rbLastHeard=GetTickCount();
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
      g_rbWelcomed=true;
      g_rbSession=doc.GetString(0,"session");
      int heartbeat=(int)doc.GetInteger(0,"heartbeatMs",g_rbHeartbeatMs);
      if(heartbeat>0)
         g_rbHeartbeatMs=heartbeat;
      g_rbWelcomeCount++;
      Print("Mt4RiskBridge: ",g_rbClient," connected to ",g_rbEndpoint,", session ",g_rbSession);
     }
   else if(type=="warning" || type=="instruction")
     {
      RbQueuePush(json);
     }
   else if(type=="error")
     {
      string code=doc.GetString(0,"code");
      if(code=="no_hello")
        {
         // the service does not know this connection: it was restarted
         if(g_rbWelcomed)
            Print("Mt4RiskBridge: the service no longer knows this connection (restarted?); saying hello again");
         g_rbWelcomed=false;
         g_rbNeedResync=true;
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
   if(!g_rbInitialized)
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
bool RiskBridgeHello()
  {
   g_rbSymbolsSentCount=0;
   g_rbNeedResync=false;
   return RbSendText(RbHelloMessage(g_rbClient,g_rbToken));
  }
//+------------------------------------------------------------------+
//| Sends a symbol's spec once per session and its current quote, so |
//| that a check never depends on another EA's stream.               |
//+------------------------------------------------------------------+
bool RbSendMarketState(const string symbol)
  {
   bool known=false;
   for(int i=0;i<g_rbSymbolsSentCount;i++)
      if(g_rbSymbolsSent[i]==symbol)
         known=true;
   if(!known)
     {
      if(!RbSendText(RbSymbolMessage(symbol)))
         return false;
      if(ArraySize(g_rbSymbolsSent)<=g_rbSymbolsSentCount)
         ArrayResize(g_rbSymbolsSent,g_rbSymbolsSentCount+8);
      g_rbSymbolsSent[g_rbSymbolsSentCount]=symbol;
      g_rbSymbolsSentCount++;
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
//| Disconnects; the socket itself lives as long as the EA and is    |
//| reused by the next RiskBridgeInit.                               |
//+------------------------------------------------------------------+
void RiskBridgeDeinit()
  {
   if(!g_rbInitialized)
      return;
   g_rbSocket.setLinger(0);
   g_rbSocket.disconnect(g_rbEndpoint);
   g_rbInitialized=false;
   g_rbWelcomed=false;
   g_rbConnected=false;
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
   if(g_rbInitialized)
      RiskBridgeDeinit();
   g_rbEndpoint=endpoint;
   g_rbToken=token;
   g_rbTimeoutMs=timeoutMs>0 ? timeoutMs : 500;
   g_rbFailMode=failMode==RB_FAIL_OPEN ? RB_FAIL_OPEN : RB_FAIL_CLOSED;
   g_rbClient=client!="" ? client : WindowExpertName();
   // ids stay well under the protocol's 64 characters: the client name without its version (24 characters at
   // most), the start time and a counter, e.g. Mt4RiskBridgeSampleEA-81234567-check-7
   string name=g_rbClient;
   int slash=StringFind(name,"/");
   if(slash>0)
      name=StringSubstr(name,0,slash);
   if(StringLen(name)>24)
      name=StringSubstr(name,0,24);
   g_rbIdPrefix=name+"-"+IntegerToString(GetTickCount());
   g_rbWelcomed=false;
   g_rbSession="";
   g_rbEverHeard=false;
   g_rbInboxCount=0;
   g_rbSymbolsSentCount=0;
   if(!g_rbSocket.valid())
     {
      g_rbLastReason="Mt4RiskBridge: could not create a ZeroMQ socket (is libzmq.dll in MQL4/Libraries and DLL imports allowed?)";
      Print(g_rbLastReason);
      return false;
     }
   // LINGER 0: closing never waits for unsent messages, so removing the EA never hangs the terminal
   g_rbSocket.setLinger(0);
   // a deep queue: state and checks are never dropped silently; a full queue fails the send, which is reported
   g_rbSocket.setSendHighWaterMark(RB_SEND_HWM);
   g_rbSocket.setReceiveHighWaterMark(RB_SEND_HWM);
   // queue only on a live connection: with the service down a send fails at once instead of piling up
   g_rbSocket.setImmediate(true);
   g_rbSocket.setReconnectIntervalMax(RB_RECONNECT_MAX_MS);
   if(!g_rbSocket.connect(endpoint))
     {
      g_rbLastReason="Mt4RiskBridge: cannot connect to "+endpoint+" (expected tcp://host:port)";
      Print(g_rbLastReason);
      return false;
     }
   g_rbInitialized=true;
   uint start=GetTickCount();
   if(!RbPollFor(g_rbTimeoutMs,true) || !RiskBridgeHello())
     {
      Print("Mt4RiskBridge: ",endpoint," is not reachable yet; will keep trying; checks are ",RiskBridgeFailModeName(g_rbFailMode),
            " until it answers within ",IntegerToString(g_rbTimeoutMs)," ms");
      return true;
     }
   while(!g_rbWelcomed && GetTickCount()-start<(uint)g_rbTimeoutMs)
     {
      RiskBridgePump();
      if(!g_rbWelcomed)
         RbPollFor(RB_POLL_SLICE_MS,false);
     }
   if(!g_rbWelcomed)
      Print("Mt4RiskBridge: no welcome from ",endpoint," within ",IntegerToString(g_rbTimeoutMs)," ms; will keep trying");
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
   g_rbLastFailed=true;
   if(g_rbFailMode==RB_FAIL_OPEN)
     {
      approvedLots=lots;
      reason=what+"; fail-open: the requested "+RbLots(lots)+" lots are approved unchecked";
      Print("Mt4RiskBridge: bridge unreachable: ",reason);
      g_rbLastVerdict=RB_APPROVE;
      return RB_APPROVE;
     }
   approvedLots=0.0;
   reason=what+"; fail-closed: the order is rejected";
   Print("Mt4RiskBridge: bridge unreachable: ",reason);
   g_rbLastVerdict=RB_REJECT;
   SetUserError(RB_ERR_UNREACHABLE);
   return RB_REJECT;
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
   g_rbLastFailed=false;
   g_rbLastRequestedLots=lots;
   if(!g_rbInitialized)
     {
      reason="Mt4RiskBridge: RiskBridgeInit was not called (or failed); the order is rejected";
      SetUserError(RB_ERR_NOT_READY);
      g_rbLastVerdict=RB_REJECT;
      return RB_REJECT;
     }
   if(!RbIsOrderCmd(cmd))
     {
      reason="Mt4RiskBridge: "+IntegerToString(cmd)+" is not an OrderSend operation; the order is rejected";
      SetUserError(RB_ERR_REFUSED);
      g_rbLastVerdict=RB_REJECT;
      return RB_REJECT;
     }
   uint start=GetTickCount();
   RiskBridgePump();
   string order=symbol+" "+RbSideOf(cmd)+" "+RbLots(lots)+" lots";
   string reply="";
   string id="";
   RbJson doc;
   for(int attempt=0;attempt<3;attempt++)
     {
      id=RbNextId("check");
      bool sent=(g_rbWelcomed || RiskBridgeHello()) && RbSendCheckMarkets(symbol) &&
                RbSendText(RbCheckMessage(id,symbol,cmd,lots,price,sl,tp,magic,comment));
      if(!sent)
        {
         // not connected: wait for the connection within the same deadline, then try again
         uint spent=GetTickCount()-start;
         if(attempt<2 && spent<(uint)g_rbTimeoutMs && RbPollFor(g_rbTimeoutMs-(int)spent,true))
            continue;
         return RbFailVerdict("Mt4RiskBridge: could not send check \""+id+"\" ("+order+") to "+g_rbEndpoint+
                              ": not connected within "+IntegerToString(g_rbTimeoutMs)+" ms",lots,approvedLots,reason);
        }
      if(!RbAwait(id,start,g_rbTimeoutMs,reply))
         return RbFailVerdict("Mt4RiskBridge: no decision for check \""+id+"\" ("+order+") from "+g_rbEndpoint+
                              " within "+IntegerToString(g_rbTimeoutMs)+" ms",lots,approvedLots,reason);
      if(!doc.Parse(reply))
         return RbFailVerdict("Mt4RiskBridge: unreadable reply to check \""+id+"\" ("+order+"): "+doc.Error(),lots,
                              approvedLots,reason);
      // a restarted service does not know this connection: hello again and ask again, same deadline
      if(attempt<2 && doc.GetString(0,"type")=="error" && doc.GetString(0,"code")=="no_hello")
         continue;
      break;
     }
   string type=doc.GetString(0,"type");
   if(type!="decision")
     {
      reason="Mt4RiskBridge: the service refused check \""+id+"\" ("+order+"): "+doc.GetString(0,"code")+": "+
             doc.GetString(0,"message");
      SetUserError(RB_ERR_REFUSED);
      g_rbLastVerdict=RB_REJECT;
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
   g_rbLastVerdict=verdict;
   g_rbLastLots=approvedLots;
   RbPublishDecision(verdict,lots,approvedLots,doc);
   return verdict;
  }
//+------------------------------------------------------------------+
//| OrderSend with the service asked first: the same arguments as    |
//| OrderSend; sends the approved lots (a resize sends fewer);       |
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
   g_rbLastReason=reason;
   if(verdict==RB_REJECT)
     {
      if(!g_rbLastFailed)
         Print(reason);
      return -1;
     }
   if(verdict==RB_RESIZE)
      Print(reason);
   return OrderSend(symbol,cmd,approved,price,slippage,stoploss,takeprofit,comment,magic,expiration,arrow_color);
  }
//+------------------------------------------------------------------+
//| Accessors for EAs and the monitor panel.                         |
//+------------------------------------------------------------------+
string RiskBridgeLastReason() { return g_rbLastReason; }
int    RiskBridgeLastVerdict() { return g_rbLastVerdict; }
string RiskBridgeSession() { return g_rbSession; }
int    RiskBridgeWelcomeCount() { return g_rbWelcomeCount; }
bool   RiskBridgeWelcomed() { return g_rbWelcomed; }
int    RiskBridgeHeartbeatMs() { return g_rbHeartbeatMs; }
int    RiskBridgeFailMode() { return g_rbFailMode; }
string RiskBridgeEndpoint() { return g_rbEndpoint; }
bool   RiskBridgeNeedsResync() { return g_rbNeedResync; }
//--- milliseconds since the service was last heard from; -1 if never
int    RiskBridgeSilenceMs() { return g_rbEverHeard ? (int)(GetTickCount()-g_rbLastHeard) : -1; }
//--- takes the oldest pushed message (warning, instruction); false when none
bool   RiskBridgeNextPush(string &json)
  {
   if(g_rbInboxCount<=0)
      return false;
   json=g_rbInbox[0];
   for(int i=1;i<g_rbInboxCount;i++)
      g_rbInbox[i-1]=g_rbInbox[i];
   g_rbInboxCount--;
   return true;
  }
//--- sends a prepared message (used by the monitor's stream)
bool   RiskBridgeSend(const string json) { return g_rbInitialized && RbSendText(json); }
//--- sends a heartbeat with a fresh id; the ack marks the link alive
bool   RiskBridgeHeartbeat() { return RiskBridgeSend(RbHeartbeatMessage(RbNextId("hb"))); }

#endif
