//+------------------------------------------------------------------+
//| Mt4RiskBridge/RiskBridge.mqh                                     |
//| The include for EA developers: RiskBridgeInit/Deinit,            |
//| RiskBridgeCheck and RiskBridgeOrderSend. Needs the mql-zmq       |
//| binding (Include/Zmq, libzmq.dll and libsodium.dll).             |
//+------------------------------------------------------------------+
#ifndef MT4RISKBRIDGE_RISKBRIDGE_MQH
#define MT4RISKBRIDGE_RISKBRIDGE_MQH

#include "Json.mqh"
#include "Protocol.mqh"
#include "Client.mqh"

#endif
