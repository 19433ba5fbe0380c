#!/bin/sh
# prep.sh SOURCE OUTPUT [INPUTS]
# The only changes made to the MQL4 sources before g++ compiles them. Each is mechanical, keeps line numbers,
# and stands for something MQL4 does that C++ spells differently:
#   1. "#property ..." lines (terminal metadata) become empty lines.
#   2. "input" / "sinput" before a declaration is dropped: an input is a global the terminal sets before OnInit;
#      in the harness the runner sets it, by name, through the INPUTS list written here.
#   3. Dynamic arrays "T name[]" and "T &name[]" become "MqlArray<T> name" and "MqlArray<T> &name" (shim/MqlArray.hpp).
# Everything else, including `#include <Zmq/Zmq.mqh>` (found in shim/Zmq by the include path), is compiled as shipped.
set -eu
src=$1
out=$2
mkdir -p "$(dirname "$out")"
sed -E \
  -e 's/^[[:space:]]*#property([[:space:]].*)?$//' \
  -e 's/^([[:space:]]*)s?input[[:space:]]+/\1/' \
  -e 's/\b([A-Za-z_][A-Za-z0-9_]*)([[:space:]]+)(&?)[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*\[\]/MqlArray<\1>\2\3\4/g' \
  "$src" > "$out"
if [ $# -ge 3 ]; then
  sed -n -E 's/^[[:space:]]*s?input[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]+([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=.*/RB_INPUT(\1)/p' \
    "$src" > "$3"
fi
