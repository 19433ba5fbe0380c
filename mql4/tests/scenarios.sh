#!/bin/sh
# scenarios.sh BUILD : every harness scenario that the stand-in service can play, each against its own stand-in
# on an ephemeral loopback port. A line below is: name | stand-in options | runner scenario and options |
# a pattern the stand-in's output must contain (optional). Ends with exit 1 when any scenario fails; prints
# the whole output of a failed one. (The restart scenario needs the real service stopped and started, and runs
# in tests/Mt4RiskBridge.Mql4.Tests.)
set -u
build=$1
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # name standin-options runner-arguments [standin-pattern]
  name=$1; standinOptions=$2; runnerArguments=$3; pattern=${4:-}
  out=$work/$name
  # shellcheck disable=SC2086
  "$build/standin" 'tcp://127.0.0.1:*' --seconds 60 $standinOptions > "$out.standin" 2>&1 &
  standin=$!
  endpoint=""
  for _ in $(seq 1 100); do
    endpoint=$(sed -n 's/^BOUND //p' "$out.standin")
    [ -n "$endpoint" ] && break
    sleep 0.05
  done
  key=$(sed -n 's/^SERVERKEY //p' "$out.standin")
  set -- $runnerArguments
  scenario=$1; shift
  if [ -n "$key" ]; then set -- "$@" --server-key "$key"; fi
  # a generous decision timeout: these scenarios are about behaviour, and a loaded machine must not turn a
  # decision into a fail-closed reject; a scenario that needs another passes its own (later options win)
  "$build/runner" "$scenario" "$endpoint" --watchdog-s 40 --timeout-ms 5000 "$@" < /dev/null > "$out.runner" 2>&1
  code=$?
  kill "$standin" 2>/dev/null; wait "$standin" 2>/dev/null
  ok=yes
  [ -n "$endpoint" ] || ok=no
  [ "$code" -eq 0 ] || ok=no
  if [ -n "$pattern" ] && ! grep -qE "$pattern" "$out.standin"; then
    ok=no
    echo "  the stand-in never received: $pattern"
  fi
  if [ "$ok" = yes ]; then
    echo "PASS $name"
  else
    echo "FAIL $name (runner exit $code)"
    sed 's/^/  runner: /' "$out.runner" | grep -v '^  runner: PRINT' | tail -40
    failed=1
  fi
}

run state           ''                        'state --login 8101'
run order-approve   ''                        'order --login 8102 --lots 0.10 --expect sent --expect-lots 0.1'
run order-resize    '--verdict resize:1'      'order --login 8103 --lots 3 --expect sent --expect-lots 1 --monitor true'
run order-sized     '--size-lots 0.37'       'order --login 8118 --risk-percent 1.5 --expect sent --expect-lots 0.37' \
  'RECV \{"v":1,"type":"size","id":"[^"]*","symbol":"EURUSD","side":"buy","sl":[0-9.]+,"riskPercent":1\.5,"snapshot":\{'
run order-reject    '--verdict reject'        'order --login 8104 --lots 1 --expect none --expect-error 65537 --expect-reason margin_floor'
run pushes          '--push true'             'pushes --login 8105 --expect-warnings 2 --expect-closed 1'
run sockets         ''                        'sockets --login 8106 --checks 20'
run dlls-off        ''                        'dlls-off --login 8107'
run slow-decision   '--delay-ms 800'          'slow-decision --login 8108'
run strategy-pushes '--push-warnings 300'     'strategy-pushes --login 8109 --expect-pushes 300'
run long-warning    '--push-long 1200'        'long-warning --login 8110 --expect-warnings 3 --length 1200'
run longer-warning  '--push-long 3000'        'long-warning --login 8117 --expect-warnings 3 --length 3000'
run zero-tickvalue  ''                        'zero-tickvalue --login 8111' \
  'RECV \{"v":1,"type":"symbol","symbol":"EURUSD",[^}]*"tickValue":1,[^}]*"marginRequired":216\.82'
run close-requote   '--push-close 1001:0.25'  'close-requote --login 8112 --expect-lots 0.2'
run curve           '--curve true'            'curve --login 8113'
run readme-example  ''                        'readme-example --login 8114'
run reattach        '--push-warnings 1'       'reattach --login 8115'
run tester          '--silent true'           'tester --login 8116'
exit $failed
