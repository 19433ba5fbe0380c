// an input is read-only in the program: rejected by the compiler
// expect: assignment of read-only reference
input int TimeoutMs=500;
void RejectInputWrite()
  {
   TimeoutMs=1000;
  }
