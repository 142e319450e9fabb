#!/usr/bin/env bash
# How much of a recording kill -9 loses (issue 10, finding F9): a child JVM records 100,000 events/s (or RATE)
# with TraceRecorder, is SIGKILLed at a random moment, and the trace is read back. Prints one line a run and
#   kill -9 loss: max X ms over N runs at R events/s
# Usage: releng/bench/trace-kill.sh [RUNS [RATE]]   (builds the trace bundles first if they are not built)
set -euo pipefail
cd "$(dirname "$0")/../.."
classes=bundles/io.vgpio.core/target/classes:bundles/io.vgpio.trace/target/classes:tests/io.vgpio.trace.tests/target/classes
if [ ! -f tests/io.vgpio.trace.tests/target/classes/io/vgpio/trace/tests/TraceKillBench.class ]; then
    ./mvnw -o -B -ntp -q verify -DskipTests -pl tests/io.vgpio.trace.tests -am
fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$classes" io.vgpio.trace.tests.TraceKillBench "$@"
