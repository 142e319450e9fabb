#!/usr/bin/env bash
# The project's test command (README.md, .ci/run): installs what the tests need, builds everything and runs
# every test: core and device unit tests, the vhost-user conformance suite over real sockets, and the end-to-end
# suite with a Linux guest in QEMU against './vgpio serve'.
#
#   releng/test.sh                    everything
#   releng/test.sh -Dvgpio.e2e.skip   without the QEMU guest (about a minute less)
#   releng/test.sh -o                 any extra arguments go to Maven (here: offline)
#
# Figures the end-to-end suite measures land in tests/e2e/target/e2e-report.txt.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$repo"
releng/setup.sh test
# Build (or find in the cache) the guest before the suite starts, so no test's time-outs include it.
releng/guest/build-guest.sh >/dev/null
# A display for tests that open windows; the headless tests do not use it.
run=()
if [[ -z ${DISPLAY:-} ]] && command -v xvfb-run >/dev/null; then
  run=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
# The build's status is kept rather than letting set -e end the script, so the figures below are printed
# whether the build passed or not.
status=0
# --fail-at-end: a red module must not hide the results of the modules after it.
"${run[@]}" ./mvnw -B -ntp --fail-at-end clean verify "$@" || status=$?
if [[ -f tests/e2e/target/e2e-report.txt ]]; then
  echo "== figures measured by the end-to-end suite"
  cat tests/e2e/target/e2e-report.txt
fi

# ---- Fuzzing (tests/fuzz, releng/fuzz.sh; issue 10 part 5): every target for a short bounded time after the build.
# It prints its figures whatever the build's result (without a build it says so); a failed build's status stays the
# exit status, and a crash fails an otherwise green run.
fuzz_status=0
VGPIO_FUZZ_NO_BUILD=1 releng/fuzz.sh "${VGPIO_FUZZ_SECONDS:-20}" || fuzz_status=$?
[[ $status -ne 0 ]] || status=$fuzz_status
# ---- end of fuzzing

exit $status
