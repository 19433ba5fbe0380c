#!/bin/sh
# pack.sh [OUTPUT.zip] : packs the MQL4 side for users, laid out as an MT4 data folder:
#   MQL4/Experts/*.mq4, MQL4/Include/Mt4RiskBridge/*.mqh and README.md (with the pinned mql-zmq commit and which
#   of its files to copy). Unzip it into the terminal's data folder (File > Open Data Folder).
# Default output: mql4/build/Mt4RiskBridge-MQL4.zip. Needs zip (Debian: apt-get install zip; .ci/run installs it).
# The entries are sorted and carry no extra attributes, so the same sources give the same listing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/build/Mt4RiskBridge-MQL4.zip}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
command -v zip >/dev/null 2>&1 || { echo "pack.sh: zip is needed (Debian: apt-get install zip)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
rm -f "$out"
cd "$here"
files=$(find MQL4 -type f \( -name '*.mq4' -o -name '*.mqh' \) | LC_ALL=C sort)
[ -n "$files" ] || { echo "pack.sh: no MQL4 sources under $here/MQL4" >&2; exit 1; }
# shellcheck disable=SC2086
zip -q -X -D "$out" README.md $files
echo "wrote $out ($(echo "$files" | wc -l) MQL4 files and README.md)"
