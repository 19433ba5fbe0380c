#!/bin/sh
# lint.sh FILE... : what g++ would accept but MetaEditor (or this project) does not.
#   - pointers other than object pointers: MQL4 has no pointers to numbers, strings or arrays
#   - functions returning a reference: MQL4 has none
#   - raw zmq_* calls: the sources use the mql-zmq classes only, so that a binding update is one place
# Prints each offending line as file:line: text and exits 1 when there is any.
set -eu
status=0
report() { # pattern, message, files...
  pattern=$1; message=$2; shift 2
  if grep -nE "$pattern" "$@" /dev/null | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//'; then
    echo "lint: $message" >&2
    status=1
  fi
}
# comments removed first so that prose cannot trip a rule
strip() { sed -E 's://.*$::' "$1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$@"; do
  mkdir -p "$tmp/$(dirname "$f")"
  strip "$f" > "$tmp/$f"
done
cd "$tmp"
set -- $(cd "$tmp" && find . -type f | sort)
report '\b(bool|char|uchar|short|ushort|int|uint|long|ulong|float|double|string|datetime|color|void)[[:space:]]*\*' \
  'a pointer to a non-object type (MQL4 has object pointers only)' "$@"
report '^[[:space:]]*(static[[:space:]]+)?(const[[:space:]]+)?[A-Za-z_][A-Za-z0-9_<>]*[[:space:]]*&[[:space:]]*[A-Za-z_][A-Za-z0-9_:]*[[:space:]]*\(' \
  'a function returning a reference (MQL4 has none)' "$@"
report '\bzmq_[a-z_]+[[:space:]]*\(' 'a raw zmq_* call (use the mql-zmq classes)' "$@"
exit $status
