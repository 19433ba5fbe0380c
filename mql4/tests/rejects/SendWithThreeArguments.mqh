// mql-zmq's Socket::send takes the bytes and nowait only: rejected by the compiler
// expect: no matching function for call to 'Socket::send
#include <Zmq/Zmq.mqh>
void RejectThreeArgumentSend(Socket &socket)
  {
   uchar bytes[];
   socket.send(bytes,true,false);
  }
