// MQL4 has no array assignment (ArrayCopy copies): rejected by the compiler
// expect: use of deleted function
void RejectArrayAssignment()
  {
   double a[];
   double b[];
   ArrayResize(a,2);
   b=a;
  }
