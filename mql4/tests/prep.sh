#!/bin/sh
# prep.sh SOURCE OUTPUT [INPUTS]
# The only changes made to the MQL4 sources before g++ compiles them. Each is mechanical, keeps line numbers,
# and stands for something MQL4 does that C++ spells differently:
#   1. "#property ..." lines (terminal metadata) become empty lines.
#   2. "input T Name=value;" becomes "T Name_rbInput=value; const T &Name=Name_rbInput;": the terminal sets an
#      input before OnInit and the program can only read it (a write does not compile); the runner sets it, by
#      name, through the INPUTS list written here.
#   3. An include's first line (a comment) becomes "#pragma once": MQL4 includes a file once per program.
#   4. Dynamic arrays "T name[]" and "T &name[]" become "MqlArray<T> name" and "MqlArray<T> &name" (shim/MqlArray.hpp).
# Everything else, including `#include <Zmq/Zmq.mqh>` (the vendored mql-zmq declarations, prepared the same
# way), is compiled as shipped.
set -eu
src=$1
out=$2
mkdir -p "$(dirname "$out")"
sed -E \
  -e 's/^[[:space:]]*#property([[:space:]].*)?$//' \
  -e '1s|^//.*$|#pragma once|' \
  -e 's/^([[:space:]]*)s?input[[:space:]]+([A-Za-z_][A-Za-z0-9_]*)[[:space:]]+([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=([^;]*);/\1\2 \3_rbInput=\4; const \2 \&\3=\3_rbInput;/' \
  -e 's/\b([A-Za-z_][A-Za-z0-9_]*)([[:space:]]+)(&?)[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*\[\]/MqlArray<\1>\2\3\4/g' \
  "$src" > "$out"
if [ $# -ge 3 ]; then
  sed -n -E 's/^[[:space:]]*s?input[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]+([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=.*/RB_INPUT(\1)/p' \
    "$src" > "$3"
fi
