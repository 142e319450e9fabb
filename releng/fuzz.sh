#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of every target in tests/fuzz, SECONDS each (default 60):
#
#   releng/fuzz.sh [SECONDS]
#
# Prints "TARGET executions=N crashes=M" per target, then "total executions=N crashes=M", and exits 1 if any
# target crashed. A crash is an exception the target does not document as a clean rejection, a hang (one input
# running over 10 s) or running out of memory; each leaves a reproducer under tests/fuzz/target/fuzz/TARGET/,
# whose path is printed. Put it into tests/fuzz/regressions/TARGET/ with the fix, so the build replays it.
#
# Each run starts from the seeds (tests/fuzz/corpus/TARGET) plus what earlier runs found
# (tests/fuzz/target/fuzz/TARGET/corpus). Builds the fuzz module first when its classpath is missing or older than
# a source of the bundles it tests (VGPIO_FUZZ_NO_BUILD=1: never build; releng/test.sh has just built it).
# VGPIO_FUZZ_SKIP="NAME ...": targets not to run.
set -uo pipefail
seconds=${1:-60}
if [[ ! $seconds =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: releng/fuzz.sh [SECONDS]   (a whole number of seconds per target; default 60)" >&2
  exit 2
fi
repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$repo"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
module=tests/fuzz
cpfile=$module/target/fuzz-classpath.txt
work=$module/target/fuzz

sources=(bundles/io.vgpio.{core,trace,virtio,vhost,driver} $module/src $module/pom.xml)
stale=$( [[ -f $cpfile ]] && find "${sources[@]}" -newer "$cpfile" -type f -print -quit )
if [[ -n ${VGPIO_FUZZ_NO_BUILD:-} && ! -f $cpfile ]]; then
  # releng/test.sh after a build that failed: building again here would only fail again, slower.
  echo "fuzz: not run: $module was not built (see the build's errors above)"
  echo "total executions=0 crashes=0"
  exit 2
elif [[ ! -f $cpfile || ( -n $stale && -z ${VGPIO_FUZZ_NO_BUILD:-} ) ]]; then
  echo "== building the fuzz targets (log: $module/target/fuzz-build.log)"
  mkdir -p $module/target
  if ! ./mvnw -B -ntp -pl $module -am package -DskipTests >/tmp/vgpio-fuzz-build.$$.log 2>&1; then
    mv /tmp/vgpio-fuzz-build.$$.log $module/target/fuzz-build.log
    echo "fuzz: the build failed; see $module/target/fuzz-build.log" >&2
    exit 2
  fi
  mv /tmp/vgpio-fuzz-build.$$.log $module/target/fuzz-build.log
  touch "$cpfile" # the dependency plugin leaves an unchanged classpath file as it was: mark it fresh
fi
cp="$module/target/classes:$(cat "$cpfile")"
java=("$JAVA_HOME/bin/java" -Xmx1g -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED -cp "$cp")

total_runs=0
total_crashes=0
while read -r name class; do
  if [[ " ${VGPIO_FUZZ_SKIP:-} " == *" $name "* ]]; then
    echo "$name skipped (VGPIO_FUZZ_SKIP)"
    continue
  fi
  dir=$work/$name
  mkdir -p "$dir/corpus" "$dir/artifacts"
  touch "$dir/.started" # reproducers newer than this are this run's
  seeds=("$module/corpus/$name")
  [[ -d $module/regressions/$name ]] && seeds+=("$module/regressions/$name")
  # -timeout: one input running longer is a hang. -rss_limit_mb: a leak the 1 GB heap limit does not see.
  # --keep_going: go on after a finding, so one run reports every distinct crash. --trace leaves out Jazzer's
  # array-index (gep) instrumentation: in Jazzer 0.30.0 it breaks VcdReader.read's bytecode (VerifyError).
  "${java[@]}" com.code_intelligence.jazzer.Jazzer --target_class="$class" \
    --instrumentation_includes='io.vgpio.**' --trace=cov,cmp,div,indir --keep_going=1000 --reproducer_path="$dir/artifacts" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -artifact_prefix="$dir/artifacts/" \
    -print_final_stats=1 "$dir/corpus" "${seeds[@]}" >"$dir/fuzz.log" 2>&1
  # libFuzzer's final stats give the count; a run that died (a hang) only has its progress lines.
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz.log" | tail -1)
  [[ -z $runs ]] && runs=$(grep -oE '^#[0-9]+' "$dir/fuzz.log" | tail -1 | tr -d '#')
  runs=${runs:-0}
  crashes=0
  for f in "$dir"/artifacts/crash-* "$dir"/artifacts/timeout-* "$dir"/artifacts/oom-*; do
    [[ -f $f && $f -nt $dir/.started ]] || continue
    crashes=$((crashes + 1))
    echo "   reproducer: $f"
  done
  echo "$name executions=$runs crashes=$crashes"
  total_runs=$((total_runs + runs))
  total_crashes=$((total_crashes + crashes))
done < <("${java[@]}" io.vgpio.fuzz.FuzzTargets)
echo "total executions=$total_runs crashes=$total_crashes"
[[ $total_crashes -eq 0 ]]
