#!/usr/bin/env bash
# Launch time of the workbench as a user meets it: `./vgpio workbench` to its window, under Xvfb (no display
# needed). Each run starts once with a fresh home directory (first start: no per-user state, Equinox builds its
# configuration cache) and once more with the home that start left (warm), stopping each with SIGTERM. The end
# point is the line the workbench prints once its first window is open ("vgpio: workbench window open").
#
# Usage: releng/bench/launch-bench.sh [RUNS] [LAUNCHER]
#   RUNS      pairs of starts (default 5); the figures are p50, min and max of each kind
#   LAUNCHER  what to start (default: this checkout's ./vgpio; e.g. another build's product/vgpio to compare)
# VGPIO_JAVA_OPTS is passed on, to compare JVM options; each start runs in its home directory, so a relative
# path there is per home, e.g. the dynamic CDS archive the start script once made:
#   VGPIO_JAVA_OPTS="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=workbench.jsa" releng/bench/launch-bench.sh
# VGPIO_LAUNCH_VARIANTS='OPTS|OPTS...' adds option sets to compare with, run alternately with the first.
# Prints one line per start, then the summary: "vgpio launch: ... fresh p50 ... warm p50 ... warm/fresh ...".
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
runs=${1:-5}
launcher=${2:-$repo/vgpio}
work=$(mktemp -d)
xvfb_pid=
cleanup() {
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

VGPIO_JAVA_OPTS= "$launcher" help >/dev/null   # build first if needed, outside the measurement (and without the options compared)
export VGPIO_NO_BUILD=1       # and never inside it
unset VGPIO_STATE_DIR XDG_CACHE_HOME   # the state goes where a user's goes: $HOME/.cache/vgpio

# Our own X server: -displayfd writes the display number once the server accepts connections.
exec {displayfd}< <(Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp 2>/dev/null & echo "pid $!")
read -r _ xvfb_pid <&"$displayfd"
read -r display <&"$displayfd" || { echo "launch-bench: Xvfb did not start" >&2; exit 1; }
export DISPLAY=:$display

# Starts the workbench with HOME=$1 and prints the milliseconds until it announced its window.
start_ms() {
  local home=$1 t0 line
  mkdir -p "$home/run" && chmod 700 "$home/run"
  t0=$(date +%s%N)
  coproc WB { cd "$home" && HOME=$home XDG_RUNTIME_DIR=$home/run exec "$launcher" workbench 2>/dev/null; }
  local pid=$WB_PID
  while IFS= read -r line <&"${WB[0]}"; do
    [[ $line == "vgpio: workbench window open" ]] && break
  done
  local t1
  t1=$(date +%s%N)
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ $line == "vgpio: workbench window open" ]] || { echo "launch-bench: the workbench exited before its window opened" >&2; exit 1; }
  echo $(((t1 - t0) / 1000000))
}

# Variants: the baseline (VGPIO_JAVA_OPTS as given) and each of VGPIO_LAUNCH_VARIANTS ('|'-separated JVM
# option sets), started alternately so a machine's changing load weighs on all of them alike.
variants=("${VGPIO_JAVA_OPTS:-}")
if [[ -n ${VGPIO_LAUNCH_VARIANTS:-} ]]; then
  IFS='|' read -r -a more <<<"$VGPIO_LAUNCH_VARIANTS"
  variants+=("${more[@]}")
fi
declare -A fresh warm
for ((i = 1; i <= runs; i++)); do
  for v in "${!variants[@]}"; do
    home=$work/home$i-$v
    export VGPIO_JAVA_OPTS=${variants[v]}
    f=$(start_ms "$home")
    w=$(start_ms "$home")
    fresh[$v]+="$f " warm[$v]+="$w "
    printf 'vgpio launch: run %d%s: fresh home %d ms, warm %d ms\n' "$i" "${variants[v]:+ (${variants[v]})}" "$f" "$w"
    rm -rf "$home"
  done
done

# shellcheck disable=SC2086 # the lists are space-separated numbers
stats() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {printf "%d %d %d\n", a[int((NR+1)/2)], a[1], a[NR]}'; }
read -r base_f _ _ < <(stats "${fresh[0]}")
read -r base_w _ _ < <(stats "${warm[0]}")
for v in "${!variants[@]}"; do
  read -r fp fmin fmax < <(stats "${fresh[$v]}")
  read -r wp wmin wmax < <(stats "${warm[$v]}")
  awk -v n="$runs" -v opts="${variants[v]:-as ./vgpio starts it}" -v fp="$fp" -v fmin="$fmin" -v fmax="$fmax" \
    -v wp="$wp" -v wmin="$wmin" -v wmax="$wmax" -v bf="$base_f" -v bw="$base_w" -v v="$v" 'BEGIN {
    printf "vgpio launch: ./vgpio workbench to its window over %d runs [%s]: fresh home p50 %d ms (min %d, max %d), warm p50 %d ms (min %d, max %d), warm/fresh %.2f",
      n, opts, fp, fmin, fmax, wp, wmin, wmax, wp / fp
    if (v > 0) printf "; vs the first: fresh %.2f, warm %.2f", fp / bf, wp / bw
    printf "\n" }'
done
