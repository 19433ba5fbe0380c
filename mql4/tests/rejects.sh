#!/bin/sh
# rejects.sh BUILD : proves that the strict model rejects what MetaEditor rejects. Each file in rejects/ is a
# small MQL4 include that must fail the lint or the compile (prepared and compiled as the shipped includes are),
# with the message its "// expect:" line names, so that a file failing for another reason does not count.
set -u
build=$1
failed=0
for file in rejects/*.mqh; do
  name=$(basename "$file" .mqh)
  expect=$(sed -n 's|^// expect: ||p' "$file")
  prepared=$build/rejects/$name.mqh
  ./prep.sh "$file" "$prepared"
  output=$(./lint.sh "$file" 2>&1 && ${CXX:-g++} -std=c++17 -Wall -Werror -fsyntax-only -Ishim -I"$build/mql-zmq" \
           -I"$build/rejects" "-DHEADER_FILE=\"$name.mqh\"" shim/CheckHeader.cpp 2>&1)
  status=$?
  # g++ quotes with typographic quotes in a UTF-8 locale
  output=$(printf '%s' "$output" | sed "s/\xe2\x80\x98/'/g; s/\xe2\x80\x99/'/g")
  if [ -z "$expect" ]; then
    echo "BROKEN $name: no // expect: line"
    failed=1
  elif [ $status -eq 0 ]; then
    echo "ACCEPTED $name: the strict model let it through"
    failed=1
  elif ! printf '%s' "$output" | grep -qF -- "$expect"; then
    echo "WRONG-REASON $name: expected \"$expect\", got:"
    printf '%s\n' "$output" | head -5
    failed=1
  else
    echo "REJECTED $name ($expect)"
  fi
done
exit $failed
