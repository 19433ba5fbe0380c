//+------------------------------------------------------------------+
//| Mt4RiskBridge/Protocol.mqh                                       |
//| Protocol v1 messages built from the terminal's own state         |
//| (Account*, MarketInfo, Order*). See docs/protocol.md.            |
//+------------------------------------------------------------------+
#ifndef MT4RISKBRIDGE_PROTOCOL_MQH
#define MT4RISKBRIDGE_PROTOCOL_MQH

#include "Json.mqh"

#define RB_PROTOCOL_VERSION 1
#define RB_SPEC_DRIFT       0.01 // a tick value or margin that moved by 1 % is sent again

//--- verdicts of a check, as RiskBridgeCheck returns them
enum ENUM_RB_VERDICT
  {
   RB_APPROVE=0, // approve
   RB_RESIZE=1,  // resize
   RB_REJECT=2   // reject
  };

//+------------------------------------------------------------------+
//| "buy" for OP_BUY and its pending forms, "sell" otherwise.        |
//+------------------------------------------------------------------+
string RbSideOf(const int cmd)
  {
   return (cmd==OP_BUY || cmd==OP_BUYLIMIT || cmd==OP_BUYSTOP) ? "buy" : "sell";
  }
//+------------------------------------------------------------------+
//| "market", "limit" or "stop" for an OrderSend cmd.                |
//+------------------------------------------------------------------+
string RbOrderTypeOf(const int cmd)
  {
   if(cmd==OP_BUYLIMIT || cmd==OP_SELLLIMIT)
      return "limit";
   if(cmd==OP_BUYSTOP || cmd==OP_SELLSTOP)
      return "stop";
   return "market";
  }
//+------------------------------------------------------------------+
//| Whether cmd is one of the six OrderSend operations.              |
//+------------------------------------------------------------------+
bool RbIsOrderCmd(const int cmd)
  {
   return cmd>=OP_BUY && cmd<=OP_SELLSTOP;
  }
//+------------------------------------------------------------------+
//| hello: who this terminal and account are.                        |
//+------------------------------------------------------------------+
string RbHelloMessage(const string client,const string token)
  {
   RbJsonWriter w;
   w.BeginMessage("hello");
   w.Int("account",AccountNumber());
   w.Str("server",AccountServer());
   w.Str("company",AccountCompany());
   w.Str("currency",AccountCurrency());
   w.Int("leverage",AccountLeverage());
   w.Num("marginCallLevel",AccountInfoDouble(ACCOUNT_MARGIN_SO_CALL));
   w.Num("stopOutLevel",AccountInfoDouble(ACCOUNT_MARGIN_SO_SO));
   w.Str("stopOutMode",AccountInfoInteger(ACCOUNT_MARGIN_SO_MODE)==ACCOUNT_STOPOUT_MODE_MONEY ? "money" : "percent");
   w.Str("client",client);
   if(token!="")
      w.Str("token",token);
   w.EndObject();
   return w.Text();
  }
//--- closed market trades and their lots (the broker's unlimited-leverage conditions count them), kept up to date
//--- as the history grows instead of rescanning it for every account message
struct RbHistoryTotals
  {
   int               scanned;      // history entries already counted
   int               closedTrades;
   double            closedLots;
  };
RbHistoryTotals g_rbHistory;

//+------------------------------------------------------------------+
//| Counts only the history entries added since the last call; a     |
//| shorter history (the user narrowed the History tab) is recounted.|
//+------------------------------------------------------------------+
void RbUpdateHistoryTotals()
  {
   int total=OrdersHistoryTotal();
   if(total<g_rbHistory.scanned)
     {
      g_rbHistory.scanned=0;
      g_rbHistory.closedTrades=0;
      g_rbHistory.closedLots=0.0;
     }
   for(int i=g_rbHistory.scanned;i<total;i++)
     {
      if(!OrderSelect(i,SELECT_BY_POS,MODE_HISTORY))
         continue;
      if(OrderType()!=OP_BUY && OrderType()!=OP_SELL)
         continue;
      g_rbHistory.closedTrades++;
      g_rbHistory.closedLots+=OrderLots();
     }
   g_rbHistory.scanned=total;
  }
//+------------------------------------------------------------------+
//| Whether a figure sent earlier differs from now's: it was 0 and   |
//| is known now, or it moved by more than RB_SPEC_DRIFT.            |
//+------------------------------------------------------------------+
bool RbFigureMoved(const double sent,const double now)
  {
   if(sent<=0.0)
      return now>0.0;
   return MathAbs(now-sent)>sent*RB_SPEC_DRIFT;
  }
//+------------------------------------------------------------------+
//| Whether a symbol's spec must be sent (again): never sent (-1),   |
//| tick value or margin sent as 0 (no quote yet) and known now, or  |
//| moved by more than RB_SPEC_DRIFT since it was sent.              |
//+------------------------------------------------------------------+
bool RbSpecStale(const string symbol,const double sentTickValue,const double sentMargin)
  {
   if(sentTickValue<0.0 || sentMargin<0.0)
      return true;
   return RbFigureMoved(sentTickValue,MarketInfo(symbol,MODE_TICKVALUE)) ||
          RbFigureMoved(sentMargin,MarketInfo(symbol,MODE_MARGINREQUIRED));
  }
//+------------------------------------------------------------------+
//| account: balances as the terminal shows them now.                |
//+------------------------------------------------------------------+
string RbAccountMessage()
  {
   RbJsonWriter w;
   w.BeginMessage("account");
   w.Num("balance",AccountBalance());
   w.Num("equity",AccountEquity());
   w.Num("margin",AccountMargin());
   w.Num("freeMargin",AccountFreeMargin());
   w.Int("leverage",AccountLeverage());
   w.Int("time",(long)TimeCurrent());
   RbUpdateHistoryTotals();
   w.Int("closedTrades",g_rbHistory.closedTrades);
   w.Num("closedLots",g_rbHistory.closedLots);
   w.EndObject();
   return w.Text();
  }
//+------------------------------------------------------------------+
//| symbol: a contract specification from MarketInfo.                |
//+------------------------------------------------------------------+
string RbSymbolMessage(const string symbol)
  {
   RbJsonWriter w;
   w.BeginMessage("symbol");
   w.Str("symbol",symbol);
   w.Int("digits",(long)MarketInfo(symbol,MODE_DIGITS));
   w.Num("point",MarketInfo(symbol,MODE_POINT));
   w.Num("contractSize",MarketInfo(symbol,MODE_LOTSIZE));
   w.Num("tickSize",MarketInfo(symbol,MODE_TICKSIZE));
   w.Num("tickValue",MarketInfo(symbol,MODE_TICKVALUE));
   w.Num("minLot",MarketInfo(symbol,MODE_MINLOT));
   w.Num("maxLot",MarketInfo(symbol,MODE_MAXLOT));
   w.Num("lotStep",MarketInfo(symbol,MODE_LOTSTEP));
   w.Int("marginCalcMode",(long)MarketInfo(symbol,MODE_MARGINCALCMODE));
   w.Num("marginInit",MarketInfo(symbol,MODE_MARGININIT));
   w.Num("marginHedged",MarketInfo(symbol,MODE_MARGINHEDGED));
   w.Num("marginRequired",MarketInfo(symbol,MODE_MARGINREQUIRED));
   w.Str("baseCurrency",SymbolInfoString(symbol,SYMBOL_CURRENCY_BASE));
   w.Str("profitCurrency",SymbolInfoString(symbol,SYMBOL_CURRENCY_PROFIT));
   w.Str("marginCurrency",SymbolInfoString(symbol,SYMBOL_CURRENCY_MARGIN));
   w.Int("stopLevel",(long)MarketInfo(symbol,MODE_STOPLEVEL));
   w.EndObject();
   return w.Text();
  }
//+------------------------------------------------------------------+
//| One quote as an object member of a tick or ticks message.        |
//+------------------------------------------------------------------+
void RbWriteQuote(RbJsonWriter &w,const string symbol)
  {
   w.Str("symbol",symbol);
   w.Num("bid",MarketInfo(symbol,MODE_BID));
   w.Num("ask",MarketInfo(symbol,MODE_ASK));
   w.Int("time",(long)MarketInfo(symbol,MODE_TIME));
  }
//+------------------------------------------------------------------+
//| tick: the current quote of one symbol.                           |
//+------------------------------------------------------------------+
string RbTickMessage(const string symbol)
  {
   RbJsonWriter w;
   w.BeginMessage("tick");
   RbWriteQuote(w,symbol);
   w.EndObject();
   return w.Text();
  }
//+------------------------------------------------------------------+
//| The open market positions (pending orders are left out) as a     |
//| "positions" array member.                                        |
//+------------------------------------------------------------------+
void RbWritePositions(RbJsonWriter &w)
  {
   w.BeginArray("positions");
   int total=OrdersTotal();
   for(int i=0;i<total;i++)
     {
      if(!OrderSelect(i,SELECT_BY_POS,MODE_TRADES))
         continue;
      int type=OrderType();
      if(type!=OP_BUY && type!=OP_SELL)
         continue;
      w.BeginObject();
      w.Int("ticket",OrderTicket());
      w.Str("symbol",OrderSymbol());
      w.Str("side",type==OP_BUY ? "buy" : "sell");
      w.Num("lots",OrderLots());
      w.Num("openPrice",OrderOpenPrice());
      w.Num("sl",OrderStopLoss());
      w.Num("tp",OrderTakeProfit());
      w.Num("profit",OrderProfit());
      w.Num("swap",OrderSwap());
      w.Num("commission",OrderCommission());
      w.Int("openTime",(long)OrderOpenTime());
      w.Int("magic",OrderMagicNumber());
      w.EndObject();
     }
   w.EndArray();
  }
//+------------------------------------------------------------------+
//| positions: the full list, replacing what the service holds.      |
//+------------------------------------------------------------------+
string RbPositionsMessage()
  {
   RbJsonWriter w;
   w.BeginMessage("positions");
   RbWritePositions(w);
   w.EndObject();
   return w.Text();
  }
//+------------------------------------------------------------------+
//| What changes in the position list that the service should hear   |
//| about (not profit, which moves with every tick).                 |
//+------------------------------------------------------------------+
string RbPositionsSignature()
  {
   string signature="";
   int total=OrdersTotal();
   for(int i=0;i<total;i++)
     {
      if(!OrderSelect(i,SELECT_BY_POS,MODE_TRADES))
         continue;
      if(OrderType()!=OP_BUY && OrderType()!=OP_SELL)
         continue;
      signature+=IntegerToString(OrderTicket())+"|"+OrderSymbol()+"|"+IntegerToString(OrderType())+"|"+
                 RbJsonNumber(OrderLots())+"|"+RbJsonNumber(OrderStopLoss())+"|"+RbJsonNumber(OrderTakeProfit())+";";
     }
   return signature;
  }
//+------------------------------------------------------------------+
//| heartbeat, with an id so that the service acks it.               |
//+------------------------------------------------------------------+
string RbHeartbeatMessage(const string id)
  {
   RbJsonWriter w;
   w.BeginMessage("heartbeat");
   w.Str("id",id);
   w.EndObject();
   return w.Text();
  }
//+------------------------------------------------------------------+
//| The account as this EA sees it now: balance, equity, margin and  |
//| open positions.                                                  |
//+------------------------------------------------------------------+
void RbWriteSnapshot(RbJsonWriter &w)
  {
   w.BeginObject("snapshot");
   w.Num("balance",AccountBalance());
   w.Num("equity",AccountEquity());
   w.Num("margin",AccountMargin());
   RbWritePositions(w);
   w.EndObject();
  }
//+------------------------------------------------------------------+
//| check: an order the EA is about to send, with a snapshot of the  |
//| account and positions taken now.                                 |
//+------------------------------------------------------------------+
string RbCheckMessage(const string id,const string symbol,const int cmd,const double lots,const double price,
                      const double sl,const double tp,const int magic,const string comment)
  {
   RbJsonWriter w;
   w.BeginMessage("check");
   w.Str("id",id);
   w.Str("symbol",symbol);
   w.Str("side",RbSideOf(cmd));
   w.Str("orderType",RbOrderTypeOf(cmd));
   w.Num("lots",lots);
   if(price>0.0)
      w.Num("price",price);
   w.Num("sl",sl);
   w.Num("tp",tp);
   w.Int("magic",magic);
   w.Str("comment",comment);
   RbWriteSnapshot(w);
   w.EndObject();
   return w.Text();
  }
//+------------------------------------------------------------------+
//| A size request: the largest lots for a market order with this    |
//| stop that risk at most riskPercent of equity, with the same      |
//| snapshot as a check.                                             |
//+------------------------------------------------------------------+
string RbSizeMessage(const string id,const string symbol,const int cmd,const double sl,const double riskPercent)
  {
   RbJsonWriter w;
   w.BeginMessage("size");
   w.Str("id",id);
   w.Str("symbol",symbol);
   w.Str("side",RbSideOf(cmd));
   w.Num("sl",sl);
   w.Num("riskPercent",riskPercent);
   RbWriteSnapshot(w);
   w.EndObject();
   return w.Text();
  }
//+------------------------------------------------------------------+
//| "approve" / "resize" / "reject" to a verdict; unknown is reject. |
//+------------------------------------------------------------------+
int RbParseVerdict(const string text)
  {
   if(text=="approve")
      return RB_APPROVE;
   if(text=="resize")
      return RB_RESIZE;
   return RB_REJECT;
  }
//+------------------------------------------------------------------+
//| The name of a verdict.                                           |
//+------------------------------------------------------------------+
string RbVerdictName(const int verdict)
  {
   if(verdict==RB_APPROVE)
      return "approve";
   if(verdict==RB_RESIZE)
      return "resize";
   return "reject";
  }
//+------------------------------------------------------------------+
//| A leverage as text: 1:500, or unlimited for 0.                   |
//+------------------------------------------------------------------+
string RbLeverageText(const double leverage)
  {
   if(leverage<=0.0)
      return "unlimited";
   return "1:"+RbJsonNumber(leverage);
  }

#endif
