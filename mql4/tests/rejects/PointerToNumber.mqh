// MQL4 has pointers to objects only: rejected by the lint
// expect: a pointer to a non-object type
void RejectPointer(int *count)
  {
  }
