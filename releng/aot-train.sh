#!/usr/bin/env bash
# Trains the workbench's AOT cache (JDK 25+, -XX:AOTCacheOutput) in one controlled run right after a build:
# the product's own start script opens the workbench under Xvfb with a throw-away state directory, the
# workbench closes itself once its window is open (-Dvgpio.uibench.startupOnly), and the JVM writes
# PRODUCT/workbench.aot at that clean exit. Later starts map it read-only (-XX:AOTCache in the start script):
# nothing is ever written at a user's exit, so a SIGTERM cannot meet a dump (the dynamic CDS archive the start
# script once wrote at exit crashed the JVM that way).
#
# Usage: releng/aot-train.sh PRODUCT_DIR    (./vgpio calls it after each build)
# Without xvfb-run, or with a JDK older than 25, there is no cache and the workbench starts without one.
# The cache belongs to the JDK that made it; started with another, the JVM ignores it (AOTMode=auto).
set -uo pipefail
product=$1
cache=$product/workbench.aot
rm -f "$cache" "$cache.new"
command -v xvfb-run >/dev/null || { echo "aot-train: no xvfb-run, no AOT cache" >&2; exit 0; }
state=$(mktemp -d)
trap 'rm -rf "$state" "$cache.new"' EXIT
VGPIO_STATE_DIR=$state XDG_RUNTIME_DIR=$state \
  VGPIO_JAVA_OPTS="-XX:AOTCacheOutput=$cache.new -Dvgpio.uibench=true -Dvgpio.uibench.startupOnly=true -Xlog:aot*=off -Xlog:cds*=off" \
  timeout 600 xvfb-run -a -s "-screen 0 1600x1000x24" "$product/vgpio" workbench >"$state/train.log" 2>&1
rc=$?
if ((rc == 0)) && [[ -s $cache.new ]]; then
  mv -f "$cache.new" "$cache"
  echo "aot-train: $cache ($(($(stat -c %s "$cache") / 1048576)) MB)" >&2
else
  echo "aot-train: no AOT cache (training exited $rc); the workbench starts without one" >&2
fi
exit 0
