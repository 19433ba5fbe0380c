// MQL4 passes arrays by reference only: rejected by the compiler
// expect: use of deleted function
double First(double values[])
  {
   return values[0];
  }
void RejectArrayByValue()
  {
   double a[];
   ArrayResize(a,1);
   First(a);
  }
