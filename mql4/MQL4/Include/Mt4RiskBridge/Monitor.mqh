//+------------------------------------------------------------------+
//| Mt4RiskBridge/Monitor.mqh                                        |
//| The monitor EA's work, driven by a millisecond timer so that it  |
//| goes on without ticks: hello, account, symbol specs, throttled   |
//| ticks, positions on change, heartbeats; warnings to Alert/Print/ |
//| SendNotification; close instructions; the chart panel.           |
//+------------------------------------------------------------------+
#ifndef MT4RISKBRIDGE_MONITOR_MQH
#define MT4RISKBRIDGE_MONITOR_MQH

#include "RiskBridge.mqh"
#include "MonitorLink.mqh"

#define RBM_HELLO_RETRY_MS   500
#define RBM_SYMBOL_SCAN_MS   2000
#define RBM_PANEL_MS         500
#define RBM_PUSH_MAX_CHARS   255   // SendNotification's limit
#define RBM_PUSH_PER_CODE_MS 60000 // one push per warning code a minute (the terminal allows 10 a minute)
#define RBM_PUSH_GAP_MS      1000  // and never two within a second (it allows 2)
#define RBM_PANEL_MAX_CHARS  2045  // what Comment shows
#define RBM_CLOSE_ATTEMPTS   3

int    g_rbmTickThrottleMs=250;
int    g_rbmRefreshMs=3000;
int    g_rbmCloseSlippage=10;
bool   g_rbmEnforce=false;
bool   g_rbmNotifyCritical=true;
bool   g_rbmShowPanel=true;

string g_rbmSymbols[];
double g_rbmBid[];
double g_rbmAsk[];
uint   g_rbmTickSent[];
bool   g_rbmSpecSent[];
double g_rbmSpecTickValue[];
double g_rbmSpecMargin[];
int    g_rbmSymbolCount=0;
int    g_rbmSpecsSent=0;
string g_rbmPushCodes[];
uint   g_rbmPushTimes[];
int    g_rbmPushCodeCount=0;
uint   g_rbmLastPush=0;
bool   g_rbmPushedOnce=false;

int    g_rbmWelcomesSeen=0;
string g_rbmPositionsSignature="";
string g_rbmAccountSignature="";
uint   g_rbmAccountSent=0;
uint   g_rbmHeartbeatSent=0;
uint   g_rbmHelloSent=0;
uint   g_rbmSymbolsScanned=0;
uint   g_rbmPanelDrawn=0;
int    g_rbmResyncs=0;
int    g_rbmWarnings=0;
int    g_rbmInstructions=0;
int    g_rbmClosed=0;
string g_rbmLastWarning="none";
string g_rbmLastInstruction="none";
double g_rbmWarnTierMinEquity=-1.0;
double g_rbmWarnTierLeverage=-1.0;
double g_rbmWarnLeverage=-1.0;

//+------------------------------------------------------------------+
//| The index of a tracked symbol, adding it when new.               |
//+------------------------------------------------------------------+
int RbmTrack(const string symbol)
  {
   for(int i=0;i<g_rbmSymbolCount;i++)
      if(g_rbmSymbols[i]==symbol)
         return i;
   if(ArraySize(g_rbmSymbols)<=g_rbmSymbolCount)
     {
      int grown=g_rbmSymbolCount+16;
      ArrayResize(g_rbmSymbols,grown);
      ArrayResize(g_rbmBid,grown);
      ArrayResize(g_rbmAsk,grown);
      ArrayResize(g_rbmTickSent,grown);
      ArrayResize(g_rbmSpecSent,grown);
      ArrayResize(g_rbmSpecTickValue,grown);
      ArrayResize(g_rbmSpecMargin,grown);
     }
   g_rbmSymbols[g_rbmSymbolCount]=symbol;
   g_rbmBid[g_rbmSymbolCount]=0.0;
   g_rbmAsk[g_rbmSymbolCount]=0.0;
   g_rbmTickSent[g_rbmSymbolCount]=0;
   g_rbmSpecSent[g_rbmSymbolCount]=false;
   g_rbmSpecTickValue[g_rbmSymbolCount]=-1.0;
   g_rbmSpecMargin[g_rbmSymbolCount]=-1.0;
   g_rbmSymbolCount++;
   return g_rbmSymbolCount-1;
  }
//+------------------------------------------------------------------+
//| Tracks every symbol in Market Watch and every symbol with a      |
//| position.                                                        |
//+------------------------------------------------------------------+
void RbmScanSymbols()
  {
   int watched=SymbolsTotal(true);
   for(int i=0;i<watched;i++)
      RbmTrack(SymbolName(i,true));
   int total=OrdersTotal();
   for(int i=0;i<total;i++)
      if(OrderSelect(i,SELECT_BY_POS,MODE_TRADES))
         RbmTrack(OrderSymbol());
  }
//+------------------------------------------------------------------+
//| Sends the specs not yet sent in this session, and again those    |
//| whose tick value or margin was 0 or has moved (RbSpecStale).     |
//+------------------------------------------------------------------+
void RbmSendSpecs()
  {
   for(int i=0;i<g_rbmSymbolCount;i++)
     {
      string symbol=g_rbmSymbols[i];
      if(g_rbmSpecSent[i] && !RbSpecStale(symbol,g_rbmSpecTickValue[i],g_rbmSpecMargin[i]))
         continue;
      if(!RiskBridgeSend(RbSymbolMessage(symbol)))
         continue;
      g_rbmSpecSent[i]=true;
      g_rbmSpecTickValue[i]=MarketInfo(symbol,MODE_TICKVALUE);
      g_rbmSpecMargin[i]=MarketInfo(symbol,MODE_MARGINREQUIRED);
      g_rbmSpecsSent++;
     }
  }
//+------------------------------------------------------------------+
//| Sends one "ticks" batch with the symbols whose quote changed     |
//| (at most once per throttle) or went unsent for the refresh time; |
//| all of them with force.                                          |
//+------------------------------------------------------------------+
void RbmSendTicks(const bool force)
  {
   uint now=GetTickCount();
   RbJsonWriter w;
   w.BeginMessage("ticks");
   w.BeginArray("ticks");
   int batched=0;
   for(int i=0;i<g_rbmSymbolCount;i++)
     {
      string symbol=g_rbmSymbols[i];
      double bid=MarketInfo(symbol,MODE_BID);
      double ask=MarketInfo(symbol,MODE_ASK);
      if(bid<=0.0 || ask<=0.0)
         continue;
      uint age=now-g_rbmTickSent[i];
      bool changed=bid!=g_rbmBid[i] || ask!=g_rbmAsk[i];
      if(!force && !(changed && age>=(uint)g_rbmTickThrottleMs) && age<(uint)g_rbmRefreshMs)
         continue;
      w.BeginObject();
      RbWriteQuote(w,symbol);
      w.EndObject();
      g_rbmBid[i]=bid;
      g_rbmAsk[i]=ask;
      g_rbmTickSent[i]=now;
      batched++;
     }
   w.EndArray();
   w.EndObject();
   if(batched>0)
      RiskBridgeSend(w.Text());
  }
//+------------------------------------------------------------------+
//| Sends the account when it changed (throttled) or is due.         |
//+------------------------------------------------------------------+
void RbmSendAccount(const bool force)
  {
   uint now=GetTickCount();
   string signature=RbJsonNumber(AccountBalance())+"|"+RbJsonNumber(AccountEquity())+"|"+RbJsonNumber(AccountMargin())+"|"+
                    RbJsonNumber(AccountFreeMargin())+"|"+IntegerToString(AccountLeverage());
   uint age=now-g_rbmAccountSent;
   bool changed=signature!=g_rbmAccountSignature;
   if(!force && !(changed && age>=(uint)g_rbmTickThrottleMs) && age<(uint)g_rbmRefreshMs)
      return;
   if(RiskBridgeSend(RbAccountMessage()))
     {
      g_rbmAccountSignature=signature;
      g_rbmAccountSent=now;
     }
  }
//+------------------------------------------------------------------+
//| Sends the position list when it changed.                         |
//+------------------------------------------------------------------+
void RbmSendPositions(const bool force)
  {
   string signature=RbPositionsSignature();
   if(!force && signature==g_rbmPositionsSignature)
      return;
   if(RiskBridgeSend(RbPositionsMessage()))
      g_rbmPositionsSignature=signature;
  }
//+------------------------------------------------------------------+
//| Everything the service needs after a welcome: account, specs,    |
//| quotes and positions.                                            |
//+------------------------------------------------------------------+
void RbmSendFullState()
  {
   RbmScanSymbols();
   for(int i=0;i<g_rbmSymbolCount;i++)
      g_rbmSpecSent[i]=false;
   RbmSendAccount(true);
   RbmSendSpecs();
   RbmSendTicks(true);
   RbmSendPositions(true);
   g_rbmResyncs++;
   Print("Mt4RiskBridge monitor: sent the full state (",IntegerToString(g_rbmSymbolCount)," symbols) to session ",RiskBridgeSession());
  }
//+------------------------------------------------------------------+
//| A leverage member of a warning's details: number or "unlimited". |
//+------------------------------------------------------------------+
void RbmReadLeverage(RbJson &doc,const int node,double &target)
  {
   double value=RbLeverageOf(doc,node);
   if(value>=0.0)
      target=value;
  }
//+------------------------------------------------------------------+
//| At most maxChars characters, the cut marked with "...".          |
//+------------------------------------------------------------------+
string RbmShorten(const string text,const int maxChars)
  {
   if(StringLen(text)<=maxChars)
      return text;
   return StringSubstr(text,0,maxChars-3)+"...";
  }
//+------------------------------------------------------------------+
//| A push notification within the terminal's limits: one per code a |
//| minute (a warning repeats while it holds), one a second overall. |
//| A held-back push is logged; its warning is in the log already.   |
//+------------------------------------------------------------------+
void RbmPush(const string code,const string text)
  {
   uint now=GetTickCount();
   int slot=-1;
   for(int i=0;i<g_rbmPushCodeCount && slot<0;i++)
      if(g_rbmPushCodes[i]==code)
         slot=i;
   if(slot>=0 && now-g_rbmPushTimes[slot]<(uint)RBM_PUSH_PER_CODE_MS)
      return;
   if(g_rbmPushedOnce && now-g_rbmLastPush<(uint)RBM_PUSH_GAP_MS)
     {
      Print("Mt4RiskBridge monitor: push for ",code," held back (one a second at most)");
      return;
     }
   if(slot<0)
     {
      if(ArraySize(g_rbmPushCodes)<=g_rbmPushCodeCount)
        {
         ArrayResize(g_rbmPushCodes,g_rbmPushCodeCount+8);
         ArrayResize(g_rbmPushTimes,g_rbmPushCodeCount+8);
        }
      slot=g_rbmPushCodeCount;
      g_rbmPushCodes[slot]=code;
      g_rbmPushCodeCount++;
     }
   g_rbmPushTimes[slot]=now;
   g_rbmLastPush=now;
   g_rbmPushedOnce=true;
   if(!SendNotification(text))
      Print("Mt4RiskBridge monitor: push notification failed, error ",IntegerToString(GetLastError()),
            " (enable it under Tools > Options > Notifications)");
  }
//+------------------------------------------------------------------+
//| warning: Print for info, Alert for warn, Alert and a push        |
//| notification for critical.                                       |
//+------------------------------------------------------------------+
void RbmOnWarning(RbJson &doc)
  {
   string severity=doc.GetString(0,"severity","warn");
   string text="Mt4RiskBridge ["+severity+"] "+doc.GetString(0,"code")+": "+doc.GetString(0,"message");
   g_rbmWarnings++;
   g_rbmLastWarning=text;
   int details=doc.Find(0,"details");
   if(doc.Kind(details)==RB_JSON_OBJECT)
     {
      RbmReadLeverage(doc,doc.Find(details,"leverage"),g_rbmWarnLeverage);
      int tier=doc.Find(details,"tier");
      if(doc.Kind(tier)==RB_JSON_OBJECT)
        {
         g_rbmWarnTierMinEquity=doc.GetNumber(tier,"minEquity",g_rbmWarnTierMinEquity);
         RbmReadLeverage(doc,doc.Find(tier,"leverage"),g_rbmWarnTierLeverage);
        }
     }
   // the full text goes to the Experts log and the panel; the alert and the push get what fits
   Print(text);
   if(severity=="info")
      return;
   Alert(RbmShorten(text,RBM_PUSH_MAX_CHARS));
   if(severity=="critical" && g_rbmNotifyCritical)
      RbmPush(doc.GetString(0,"code"),RbmShorten(text,RBM_PUSH_MAX_CHARS));
  }
//+------------------------------------------------------------------+
//| The lots to close: the instruction's lots (0: all) rounded down  |
//| to the lot step; all of it when the rest would be under the      |
//| minimum lot or the request is at least the position.             |
//+------------------------------------------------------------------+
double RbmCloseLots(const string symbol,const double open,const double requested)
  {
   if(requested<=0.0 || requested>=open)
      return open;
   double step=MarketInfo(symbol,MODE_LOTSTEP);
   double minLot=MarketInfo(symbol,MODE_MINLOT);
   double lots=step>0.0 ? MathFloor(requested/step+1e-9)*step : requested;
   lots=NormalizeDouble(lots,2);
   if(lots<minLot)
      lots=minLot;
   if(open-lots<minLot-1e-9)
      return open;
   return lots;
  }
//+------------------------------------------------------------------+
//| instruction close: closes the named ticket (all of it, or lots)  |
//| when enforcement is on; otherwise only reports it.               |
//+------------------------------------------------------------------+
void RbmOnInstruction(RbJson &doc)
  {
   g_rbmInstructions++;
   string action=doc.GetString(0,"action");
   int ticket=(int)doc.GetInteger(0,"ticket",0);
   double lots=doc.GetNumber(0,"lots",0.0);
   if(action!="close")
     {
      g_rbmLastInstruction="unknown action \""+action+"\" ignored";
      Print("Mt4RiskBridge monitor: ",g_rbmLastInstruction);
      return;
     }
   if(!g_rbmEnforce)
     {
      g_rbmLastInstruction="close #"+IntegerToString(ticket)+" not carried out (EnforceInstructions=false)";
      Alert("Mt4RiskBridge: the service asks to close #",IntegerToString(ticket),"; EnforceInstructions is off, so it stays open");
      return;
     }
   if(!OrderSelect(ticket,SELECT_BY_TICKET) || OrderCloseTime()!=0)
     {
      g_rbmLastInstruction="close #"+IntegerToString(ticket)+": no such open position";
      Print("Mt4RiskBridge monitor: ",g_rbmLastInstruction);
      return;
     }
   int type=OrderType();
   if(type!=OP_BUY && type!=OP_SELL)
     {
      g_rbmLastInstruction="close #"+IntegerToString(ticket)+": a pending order, deleted";
      if(!OrderDelete(ticket))
         g_rbmLastInstruction="close #"+IntegerToString(ticket)+": delete failed, error "+IntegerToString(GetLastError());
      Print("Mt4RiskBridge monitor: ",g_rbmLastInstruction);
      return;
     }
   double open=OrderLots();
   string symbol=OrderSymbol();
   double closeLots=RbmCloseLots(symbol,open,lots);
   int error=0;
   for(int attempt=1;attempt<=RBM_CLOSE_ATTEMPTS;attempt++)
     {
      RefreshRates();
      double price=NormalizeDouble(MarketInfo(symbol,type==OP_BUY ? MODE_BID : MODE_ASK),(int)MarketInfo(symbol,MODE_DIGITS));
      ResetLastError();
      if(OrderClose(ticket,closeLots,price,g_rbmCloseSlippage,clrNONE))
        {
         g_rbmClosed++;
         g_rbmLastInstruction="closed "+RbLots(closeLots)+" lots of #"+IntegerToString(ticket)+" "+symbol;
         Print("Mt4RiskBridge monitor: instruction carried out: ",g_rbmLastInstruction);
         RbmSendPositions(false);
         return;
        }
      error=GetLastError();
      // price changed, off quotes, requote, trade context busy: a fresh price may go through
      if(error!=135 && error!=136 && error!=138 && error!=146)
         break;
      Print("Mt4RiskBridge monitor: close #",IntegerToString(ticket)," attempt ",IntegerToString(attempt),
            " met error ",IntegerToString(error),"; trying again at a fresh price");
      Sleep(100);
     }
   g_rbmLastInstruction="close #"+IntegerToString(ticket)+" failed, error "+IntegerToString(error);
   Alert("Mt4RiskBridge: ",g_rbmLastInstruction);
  }
//+------------------------------------------------------------------+
//| Handles the pushed messages waiting in the inbox.                |
//+------------------------------------------------------------------+
void RbmHandlePushes()
  {
   string json;
   while(RiskBridgeNextPush(json))
     {
      RbJson doc;
      if(!doc.Parse(json))
         continue;
      string type=doc.GetString(0,"type");
      if(type=="warning")
         RbmOnWarning(doc);
      else if(type=="instruction")
         RbmOnInstruction(doc);
     }
  }
//+------------------------------------------------------------------+
//| A terminal global variable published by RiskBridgeCheck, or -1.  |
//+------------------------------------------------------------------+
double RbmShared(const string name)
  {
   string full="Mt4RiskBridge."+IntegerToString(AccountNumber())+"."+name;
   return GlobalVariableCheck(full) ? GlobalVariableGet(full) : -1.0;
  }
//+------------------------------------------------------------------+
//| Whether the service answered within three heartbeats.            |
//+------------------------------------------------------------------+
bool RiskBridgeMonitorLinkUp()
  {
   int silence=RiskBridgeSilenceMs();
   return RiskBridgeWelcomed() && silence>=0 && silence<=3*RiskBridgeHeartbeatMs()+500;
  }
//+------------------------------------------------------------------+
//| The panel text: equity, tier, leverage in force, margin level,   |
//| trading state, last decision and last warning.                   |
//+------------------------------------------------------------------+
string RiskBridgeMonitorPanel()
  {
   string nl="\n";
   double equity=AccountEquity();
   double margin=AccountMargin();
   string level=margin>0.0 ? DoubleToString(equity/margin*100.0,1)+"%" : "no margin used";
   double tierMin=RbmShared("tierMinEquity");
   double tierLeverage=RbmShared("tierLeverage");
   double leverage=RbmShared("leverage");
   if(tierLeverage<0.0) { tierMin=g_rbmWarnTierMinEquity; tierLeverage=g_rbmWarnTierLeverage; }
   if(leverage<0.0) leverage=g_rbmWarnLeverage;
   string tier=tierLeverage<0.0 ? "not known yet" : "from "+DoubleToString(tierMin,2)+" "+AccountCurrency()+", "+RbLeverageText(tierLeverage);
   string inForce=leverage<0.0 ? "not known yet (account 1:"+IntegerToString(AccountLeverage())+")" : RbLeverageText(leverage);
   string state;
   if(RiskBridgeMonitorLinkUp())
      state="checked by the bridge (connected, session "+RiskBridgeSession()+")";
   else if(RiskBridgeFailMode()==RB_FAIL_OPEN)
      state="UNCHECKED: bridge unreachable, fail-open";
   else
      state="BLOCKED: bridge unreachable, fail-closed";
   double verdict=RbmShared("verdict");
   string decision="none yet";
   if(verdict>=0.0)
      decision=RbVerdictName((int)verdict)+" "+RbLots(RbmShared("requestedLots"))+" -> "+RbLots(RbmShared("lots"))+" lots at "+
               TimeToString((datetime)RbmShared("time"),TIME_DATE|TIME_SECONDS);
   string head="Mt4RiskBridge monitor  "+RiskBridgeEndpoint()+nl+
               "Equity: "+DoubleToString(equity,2)+" "+AccountCurrency()+"   Margin level: "+level+nl+
               "Tier: "+tier+nl+
               "Leverage in force: "+inForce+nl+
               "Trading: "+state+nl+
               "Last decision: "+decision+nl+
               "Last warning: ";
   string tail=nl+"Last instruction: "+g_rbmLastInstruction;
   // Comment shows RBM_PANEL_MAX_CHARS characters: a long warning gives way so that every line stays on the chart
   int room=RBM_PANEL_MAX_CHARS-StringLen(head)-StringLen(tail);
   return RbmShorten(head+RbmShorten(g_rbmLastWarning,room>3 ? room : 3)+tail,RBM_PANEL_MAX_CHARS);
  }
//+------------------------------------------------------------------+
//| One timer step; never blocks (non-blocking receive and sends).   |
//+------------------------------------------------------------------+
void RiskBridgeMonitorTimer()
  {
   uint now=GetTickCount();
   RiskBridgePump();
   RbmHandlePushes();
   if(!RiskBridgeWelcomed())
     {
      // not (or no longer) known to the service: hello again, promptly after a no_hello
      if(RiskBridgeNeedsResync() || now-g_rbmHelloSent>=(uint)RBM_HELLO_RETRY_MS)
        {
         RbHello();
         g_rbmHelloSent=now;
        }
     }
   else
     {
      if(g_rbmWelcomesSeen!=RiskBridgeWelcomeCount())
        {
         g_rbmWelcomesSeen=RiskBridgeWelcomeCount();
         RbmSendFullState();
        }
      else
        {
         if(now-g_rbmSymbolsScanned>=(uint)RBM_SYMBOL_SCAN_MS)
           {
            g_rbmSymbolsScanned=now;
            RbmScanSymbols();
            RbmSendSpecs();
           }
         RbmSendAccount(false);
         RbmSendPositions(false);
         RbmSendTicks(false);
        }
     }
   if(now-g_rbmHeartbeatSent>=(uint)RiskBridgeHeartbeatMs())
     {
      g_rbmHeartbeatSent=now;
      RiskBridgeHeartbeat();
     }
   if(g_rbmShowPanel && now-g_rbmPanelDrawn>=(uint)RBM_PANEL_MS)
     {
      g_rbmPanelDrawn=now;
      Comment(RiskBridgeMonitorPanel());
     }
  }
//+------------------------------------------------------------------+
//| Starts the monitor: connects, says hello, streams the state.     |
//+------------------------------------------------------------------+
bool RiskBridgeMonitorInit(const string endpoint,const string token,const int timeoutMs,const int failMode,
                           const int timerMs,const int tickThrottleMs,const int refreshSeconds,
                           const bool enforceInstructions,const int closeSlippage,const bool notifyCritical,
                           const bool showPanel)
  {
   g_rbmTickThrottleMs=tickThrottleMs>=0 ? tickThrottleMs : 0;
   g_rbmRefreshMs=refreshSeconds>0 ? refreshSeconds*1000 : 3000;
   g_rbmEnforce=enforceInstructions;
   g_rbmCloseSlippage=closeSlippage;
   g_rbmNotifyCritical=notifyCritical;
   g_rbmShowPanel=showPanel;
   g_rbmSymbolCount=0;
   g_rbmWelcomesSeen=RiskBridgeWelcomeCount();
   g_rbmPositionsSignature="";
   g_rbmAccountSignature="";
   RiskBridgeKeepPushes();
   if(!RiskBridgeInit(endpoint,token,timeoutMs,failMode,"Mt4RiskBridgeMonitor/1.0"))
      return false;
   RbmScanSymbols();
   g_rbmHelloSent=GetTickCount();
   if(!EventSetMillisecondTimer(timerMs>=10 ? timerMs : 10))
     {
      Print("Mt4RiskBridge monitor: could not start the millisecond timer");
      return false;
     }
   RiskBridgeMonitorTimer();
   return true;
  }
//+------------------------------------------------------------------+
//| Stops the timer, clears the panel and disconnects.               |
//+------------------------------------------------------------------+
void RiskBridgeMonitorDeinit()
  {
   EventKillTimer();
   if(g_rbmShowPanel)
      Comment("");
   RiskBridgeDeinit();
  }
//--- counters for tests and logs
int RiskBridgeMonitorResyncs() { return g_rbmResyncs; }
int RiskBridgeMonitorWarnings() { return g_rbmWarnings; }
int RiskBridgeMonitorClosed() { return g_rbmClosed; }
int RiskBridgeMonitorSpecsSent() { return g_rbmSpecsSent; }

#endif
