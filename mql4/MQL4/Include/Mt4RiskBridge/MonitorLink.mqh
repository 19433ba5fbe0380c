//+------------------------------------------------------------------+
//| Mt4RiskBridge/MonitorLink.mqh                                    |
//| What the monitor EA needs of the connection beyond the include's |
//| public surface: session state, pushes, raw sends, heartbeats.    |
//+------------------------------------------------------------------+
#ifndef MT4RISKBRIDGE_MONITORLINK_MQH
#define MT4RISKBRIDGE_MONITORLINK_MQH

#include "Client.mqh"

string RiskBridgeSession() { return g_rb.session; }
int    RiskBridgeWelcomeCount() { return g_rb.welcomeCount; }
bool   RiskBridgeWelcomed() { return g_rb.welcomed; }
int    RiskBridgeHeartbeatMs() { return g_rb.heartbeatMs; }
int    RiskBridgeFailMode() { return g_rb.failMode; }
string RiskBridgeEndpoint() { return g_rb.endpoint; }
bool   RiskBridgeNeedsResync() { return g_rb.needResync; }
//--- milliseconds since the service was last heard from; -1 if never
int    RiskBridgeSilenceMs() { return g_rb.everHeard ? (int)(GetTickCount()-g_rb.lastHeard) : -1; }
//--- the monitor acts on pushes: keep them for RiskBridgeNextPush
void   RiskBridgeKeepPushes() { g_rb.keepPushes=true; }
//--- takes the oldest pushed message (warning, instruction); false when none
bool   RiskBridgeNextPush(string &json)
  {
   if(g_rb.inboxCount<=0)
      return false;
   json=g_rb.inbox[0];
   for(int i=1;i<g_rb.inboxCount;i++)
      g_rb.inbox[i-1]=g_rb.inbox[i];
   g_rb.inboxCount--;
   return true;
  }
//--- sends a prepared message (used by the monitor's stream)
bool   RiskBridgeSend(const string json) { return g_rb.initialized && RbSendText(json); }
//--- sends a heartbeat with a fresh id; the ack marks the link alive
bool   RiskBridgeHeartbeat() { return RiskBridgeSend(RbHeartbeatMessage(RbNextId("hb"))); }

#endif
