//+------------------------------------------------------------------+
//| Mt4RiskBridgeSampleEA.mq4                                        |
//| A small strategy showing the include in use: when it holds no    |
//| position of its own, it buys Lots at market with a stop and a    |
//| target, through RiskBridgeOrderSend, which asks the service      |
//| first and sends the lots it approves. With RiskPercent set, the  |
//| lots are the service's suggestion for that share of equity at    |
//| the stop (RiskBridgeSuggestLots) instead.                        |
//+------------------------------------------------------------------+
#property copyright "Mt4RiskBridge"
#property version   "1.00"
#property strict

#include <Mt4RiskBridge/RiskBridge.mqh>

input string            Endpoint="tcp://127.0.0.1:5557";   // Service endpoint
input string            Token="";                          // Token (empty when the service needs none)
input string            ServerKey="";                      // Service's CURVE public key, server.pub (empty: no CURVE)
input string            ClientPublicKey="";                // This terminal's CURVE public key (empty: a fresh pair)
input string            ClientSecretKey="";                // This terminal's CURVE secret key
input int               TimeoutMs=500;                     // Decision timeout, ms
input ENUM_RB_FAIL_MODE FailMode=RB_FAIL_CLOSED;           // When the service is silent
input double            Lots=0.10;                         // Lots to ask for
input double            RiskPercent=0.0;                   // Risk per trade, % of equity (0: use Lots; needs a stop)
input int               StopLossPoints=300;                // Stop loss, points (0: none)
input int               TakeProfitPoints=600;              // Take profit, points (0: none)
input int               Slippage=10;                       // Slippage, points
input int               Magic=4242;                        // Magic number
input int               RetrySeconds=60;                   // Wait after a rejected order, s

datetime g_nextTry=0;

bool HasOwnPosition()
  {
   for(int i=OrdersTotal()-1;i>=0;i--)
      if(OrderSelect(i,SELECT_BY_POS,MODE_TRADES) && OrderMagicNumber()==Magic && OrderSymbol()==Symbol())
         return true;
   return false;
  }

int OnInit()
  {
   // fails (with an Alert) only when it cannot work at all: DLL imports off, bad endpoint or keys; a service that
   // is not up yet is not a failure (checks use FailMode until it answers)
   RiskBridgeUseCurve(ServerKey,ClientPublicKey,ClientSecretKey);
   if(!RiskBridgeInit(Endpoint,Token,TimeoutMs,FailMode,"Mt4RiskBridgeSampleEA/1.0"))
      return INIT_FAILED;
   return INIT_SUCCEEDED;
  }

void OnDeinit(const int reason)
  {
   RiskBridgeDeinit();
  }

void OnTick()
  {
   RiskBridgePump();
   if(HasOwnPosition() || TimeCurrent()<g_nextTry)
      return;
   double sl=StopLossPoints>0 ? NormalizeDouble(Ask-StopLossPoints*Point,Digits) : 0.0;
   double tp=TakeProfitPoints>0 ? NormalizeDouble(Ask+TakeProfitPoints*Point,Digits) : 0.0;
   double lots=Lots;
   if(RiskPercent>0.0 && sl>0.0)
     {
      string why="";
      lots=RiskBridgeSuggestLots(Symbol(),OP_BUY,sl,RiskPercent,why);
      Print("Mt4RiskBridgeSampleEA: ",why);
      if(lots<=0.0)
        {
         g_nextTry=TimeCurrent()+RetrySeconds;
         return;
        }
     }
   int ticket=RiskBridgeOrderSend(Symbol(),OP_BUY,lots,Ask,Slippage,sl,tp,"Mt4RiskBridge sample",Magic);
   if(ticket<0)
     {
      Print("Mt4RiskBridgeSampleEA: no order: ",RiskBridgeLastReason()," (error ",IntegerToString(GetLastError()),")");
      g_nextTry=TimeCurrent()+RetrySeconds;
     }
   else
      Print("Mt4RiskBridgeSampleEA: order #",IntegerToString(ticket)," sent");
  }
