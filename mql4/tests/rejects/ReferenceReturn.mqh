// MQL4 functions cannot return references: rejected by the lint
// expect: a function returning a reference
string g_name="";
string &RejectReferenceReturn()
  {
   return g_name;
  }
