#!/usr/bin/env bash
# The workbench's benchmarks, in the real product under Xvfb (no display needed):
#   - time from launch to a usable window (JVM start to the first UI event after the window opened; N runs)
#   - the UI thread's longest frame gap while 100,000 events/s stream in with every view open (target <= 100 ms)
#   - heap per event with 1,000,000 events in the log (target <= 200 bytes)
#   - the waveform's frame (query + paint) over that whole log (target: median <= 50 ms)
#   - the Traffic view catching up with a million new rows: time to its last row, longest UI-thread gap
#   - the waveform with an I2C decoder lane over 1,000,000 events: the frame after a zoom and a pan (target 50 ms)
# Usage: releng/bench/ui-bench.sh [RUNS]   (RUNS for the launch time, default 5; the other figures once)
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
runs=${1:-5}
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
export VGPIO_STATE_DIR=$state
"$repo/vgpio" help >/dev/null   # build first if needed, outside the measurement
times=()
for ((i = 1; i <= runs; i++)); do
  out=$(VGPIO_JAVA_OPTS="-Dvgpio.uibench=true -Dvgpio.uibench.startupOnly=$((i < runs))" \
    xvfb-run -a -s "-screen 0 1600x1000x24" "$repo/vgpio" workbench 2>/dev/null | grep 'vgpio uibench:' || true)
  t=$(sed -n 's/.*usable window: \([0-9]*\) ms.*/\1/p' <<<"$out")
  times+=("$t")
  ((i == runs)) && printf '%s\n' "$out" | grep -v 'usable window'
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "vgpio uibench: launch to usable window over %d runs: p50 %d ms, min %d ms, max %d ms\n", NR, a[int((NR+1)/2)], a[1], a[NR]}'
