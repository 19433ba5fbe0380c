//+------------------------------------------------------------------+
//| Mt4RiskBridge/RiskBridge.mqh                                     |
//| The include for EA developers: RiskBridgeUseCurve (optional),    |
//| RiskBridgeInit, RiskBridgeCheck, RiskBridgeOrderSend (OrderSend's|
//| arguments), RiskBridgePump, RiskBridgeLastReason/LastVerdict,    |
//| RiskBridgePushesSeen/LastWarning, RiskBridgeDeinit. Needs the    |
//| mql-zmq binding at the commit mql4/README.md names (Include/Zmq, |
//| Include/Mql, libzmq.dll and libsodium.dll).                      |
//+------------------------------------------------------------------+
#ifndef MT4RISKBRIDGE_RISKBRIDGE_MQH
#define MT4RISKBRIDGE_RISKBRIDGE_MQH

#include "Json.mqh"
#include "Protocol.mqh"
#include "Client.mqh"

#endif
