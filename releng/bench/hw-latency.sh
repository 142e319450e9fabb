#!/usr/bin/env bash
# The edge latency of a hardware binding, measured for real with no hardware: the test guest's in-kernel
# gpio-sim chip is bound by the product's own 'vgpio serve' (run in the guest on the host's JDK, over 9p), and
# the Java driver (io.vgpio.driver) plays the guest driver. Prints, over EDGES edges (default 500):
#   - kernel edge timestamp -> eventq notification (the issue's figure), and its two parts:
#     kernel timestamp -> the edge read by the binding's thread, and read -> notification (inside the device);
#   - gpio-sim pull written -> driver woken by the call eventfd (what a test script sees).
# The guest runs under TCG (emulated), so the figures are upper bounds for a real machine.
# Usage: releng/bench/hw-latency.sh [EDGES] [--smp N]   (also runs the functional checks; exit 1 if one fails)
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
edges=500 smp=1
while (($#)); do
  case $1 in
    --smp) smp=${2:?--smp needs a number}; shift 2 ;;
    [0-9]*) edges=$1; shift ;;
    *) echo "usage: releng/bench/hw-latency.sh [EDGES] [--smp N]" >&2; exit 2 ;;
  esac
done
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
"$repo/vgpio" help >/dev/null   # build the product first if a source changed
plugins=$repo/releng/io.vgpio.product/target/products/io.vgpio.product/linux/gtk/x86_64/plugins
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$JAVA_HOME/bin/javac" --release 21 -d "$work/classes" \
  -cp "$(ls "$plugins"/io.vgpio.*.jar "$plugins"/com.sun.jna_*.jar | paste -sd:)" \
  "$repo"/tests/e2e/src/guest/java/io/vgpio/e2e/guest/*.java
{ printf '#!/bin/sh\nJDK=%s\nPLUGINS=%s\nCHECK=%s\nEDGES=%s\n' "$JAVA_HOME" "$plugins" "$work/classes" "$edges"
  cat "$repo/tests/e2e/src/guest/binding-check.sh"; } > "$work/check.sh"
rc=0
"$repo/releng/guest/run-guest.sh" --no-device --gpio-sim --mem 1G --smp "$smp" \
  --share "$JAVA_HOME:jdk" --share "$plugins:vgpio" --share "$work/classes:check" \
  --script "$work/check.sh" --timeout 900 > "$work/console.log" 2>&1 || rc=$?
grep -E '^(FIGURE|CHECK FAIL)' "$work/console.log" | sed 's/^FIGURE /vgpio hw-latency: /' || true
if ((rc != 0)); then
  echo "hw-latency: the guest run failed (exit $rc); its console:" >&2
  tail -40 "$work/console.log" >&2
fi
exit "$rc"
