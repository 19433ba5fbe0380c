//+------------------------------------------------------------------+
//| Mt4RiskBridgeMonitor.mq4                                         |
//| Attach once per terminal, to any chart. Streams the account,     |
//| symbol specs, quotes and positions to the Mt4RiskBridge service, |
//| shows its panel and relays its warnings and instructions.        |
//| The work is in Include/Mt4RiskBridge/Monitor.mqh.                |
//+------------------------------------------------------------------+
#property copyright "Mt4RiskBridge"
#property version   "1.00"
#property strict

#include <Mt4RiskBridge/Monitor.mqh>

input string            Endpoint="tcp://127.0.0.1:5557";   // Service endpoint
input string            Token="";                          // Token (empty when the service needs none)
input string            ServerKey="";                      // Service's CURVE public key, server.pub (empty: no CURVE)
input string            ClientPublicKey="";                // This terminal's CURVE public key (empty: a fresh pair)
input string            ClientSecretKey="";                // This terminal's CURVE secret key
input int               TimeoutMs=500;                     // Reply timeout, ms
input ENUM_RB_FAIL_MODE FailMode=RB_FAIL_CLOSED;           // Panel state when the service is silent
input int               TimerMs=100;                       // Timer period, ms
input int               TickThrottleMs=250;                // At most one quote per symbol per this many ms
input int               RefreshSeconds=3;                  // Re-send quotes and account at least this often, s
input bool              EnforceInstructions=false;         // Carry out "close" instructions from the service
input int               CloseSlippage=10;                  // Slippage for those closes, points
input bool              NotifyCritical=true;               // Push notification for critical warnings
input bool              ShowPanel=true;                    // Show the chart panel

int OnInit()
  {
   // RiskBridgeMonitorInit alerts and fails when DLL imports are off, before any call into libzmq.dll
   RiskBridgeUseCurve(ServerKey,ClientPublicKey,ClientSecretKey);
   if(!RiskBridgeMonitorInit(Endpoint,Token,TimeoutMs,FailMode,TimerMs,TickThrottleMs,RefreshSeconds,
                             EnforceInstructions,CloseSlippage,NotifyCritical,ShowPanel))
      return INIT_FAILED;
   return INIT_SUCCEEDED;
  }

void OnDeinit(const int reason)
  {
   RiskBridgeMonitorDeinit();
  }

void OnTimer()
  {
   RiskBridgeMonitorTimer();
  }

void OnTick()
  {
  }
