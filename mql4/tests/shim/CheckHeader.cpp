// Compiles one include file (.mqh, prepared by prep.sh) on its own, so that every MQL4 file in mql4/ is compiled
// by the harness and each include stands alone. Built with -fsyntax-only -DHEADER_FILE="<file>.mqh".
#include "Mql4.hpp"
#include <Zmq/Zmq.mqh>

namespace header_check
{
#include HEADER_FILE
}
