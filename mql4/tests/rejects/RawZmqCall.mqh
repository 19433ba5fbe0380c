// the sources use the mql-zmq classes, never libzmq's functions: rejected by the lint (and the compiler)
// expect: a raw zmq_* call
#include <Zmq/Zmq.mqh>
void RejectRawCall()
  {
   zmq_ctx_new();
  }
