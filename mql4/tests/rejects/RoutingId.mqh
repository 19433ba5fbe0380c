// mql-zmq at the pinned commit defines no ZMQ_ROUTING_ID: rejected by the compiler
// expect: 'ZMQ_ROUTING_ID' was not declared
#include <Zmq/Zmq.mqh>
int RejectRoutingId()
  {
   return ZMQ_ROUTING_ID;
  }
