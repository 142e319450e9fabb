#!/bin/sh
# shellcheck disable=SC2015  # ok and bad never fail: A && ok || bad is fine
# Runs INSIDE the test guest (run-guest.sh --script). Needs --gpio-sim and the
# JDK and this directory shared over 9p; with --socket also checks that the
# virtio-gpio chip and the gpio-sim chip coexist. From the repository root:
#   releng/guest/run-guest.sh --no-device --gpio-sim --mem 1G \
#     --share /usr/lib/jvm/temurin-25-jdk-amd64:jdk \
#     --share "$PWD/releng/guest/examples:examples" \
#     --script releng/guest/examples/gpio-sim-smoke.sh --timeout 300
# The guest has no environment from the host: the JDK is the first share
# holding bin/java (else JAVA_HOME below), Hello.java the first share holding
# it (at its top or at releng/guest/examples/, i.e. the repository shared).
set -u
JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fail=0
ok()   { echo "SMOKE ok: $*"; }
bad()  { echo "SMOKE FAIL: $*"; fail=1; }
now()  { awk '{printf "%d", $1 * 1000}' /proc/uptime; }   # ms since boot
mem()  { awk '/^MemTotal|^MemAvailable/ {printf "%s %d MiB  ", $1, $2 / 1024}' /proc/meminfo; echo; }

# ---- 1. a gpio-sim chip with 8 named lines, made live through configfs --------
CFG=/sys/kernel/config/gpio-sim
[ -d "$CFG" ] || { bad "no $CFG (run with --gpio-sim)"; exit 1; }
mkdir "$CFG/smoke" "$CFG/smoke/gpio-bank0" || { bad "mkdir in configfs"; exit 1; }
echo 8 > "$CFG/smoke/gpio-bank0/num_lines"
for i in 0 1 2 3 4 5 6 7; do
  mkdir "$CFG/smoke/gpio-bank0/line$i"
  echo "sim-line$i" > "$CFG/smoke/gpio-bank0/line$i/name"
done
echo 1 > "$CFG/smoke/live" || { bad "live=1"; exit 1; }
DEV=$(cat "$CFG/smoke/dev_name") CHIP=$(cat "$CFG/smoke/gpio-bank0/chip_name")
SYS=/sys/devices/platform/$DEV/$CHIP
echo "gpio-sim device $DEV, chip $CHIP, sysfs $SYS"
gpiodetect
gpioinfo "$CHIP"
gpiodetect | grep -q "^$CHIP .*(8 lines)" && ok "gpiodetect lists $CHIP with 8 lines" || bad "gpiodetect"
[ "$(gpiofind sim-line3)" = "$CHIP 3" ] && ok "gpiofind sim-line3" || bad "gpiofind sim-line3"

# ---- 2. input driven by the simulator's pull, read with gpioget -----------------
echo pull-up > "$SYS/sim_gpio3/pull"
v=$(gpioget "$CHIP" 3); [ "$v" = 1 ] && ok "pull-up -> gpioget 1" || bad "pull-up -> gpioget $v"
echo pull-down > "$SYS/sim_gpio3/pull"
v=$(gpioget "$CHIP" 3); [ "$v" = 0 ] && ok "pull-down -> gpioget 0" || bad "pull-down -> gpioget $v"

# ---- 3. output held by gpioset -m signal, read back from sim_gpioN/value ----------
gpioset -m signal "$CHIP" 5=1 & pid=$!
sleep 0.5
v=$(cat "$SYS/sim_gpio5/value"); [ "$v" = 1 ] && ok "gpioset 5=1 -> value 1" || bad "gpioset 5=1 -> value $v"
gpioinfo "$CHIP" | grep -E '^\s+line\s+5:'
kill "$pid"; wait "$pid" 2>/dev/null
gpioset -m signal "$CHIP" 5=0 & pid=$!
sleep 0.5
v=$(cat "$SYS/sim_gpio5/value"); [ "$v" = 0 ] && ok "gpioset 5=0 -> value 0" || bad "gpioset 5=0 -> value $v"
kill "$pid"; wait "$pid" 2>/dev/null

# ---- 4. virtio-gpio chip too, when the guest has the vhost-user device -------------
vchip=""
for d in /sys/bus/virtio/devices/*; do
  [ "$(cat "$d/device" 2>/dev/null)" = 0x0029 ] || continue
  for c in "$d"/gpiochip*; do [ -e "$c" ] && vchip=${c##*/}; done
done
if [ -n "$vchip" ]; then
  [ "$vchip" != "$CHIP" ] && gpiodetect | grep -q "^$vchip " &&
    ok "virtio-gpio chip $vchip and gpio-sim chip $CHIP side by side" || bad "virtio-gpio chip $vchip"
  gpioget "$vchip" 0 >/dev/null && ok "gpioget $vchip 0 still answers" || bad "gpioget $vchip 0"
else
  echo "(no virtio-gpio device: gpio-sim alone)"
fi

# ---- 5. the host's JDK over 9p -------------------------------------------------------
shares=$(tr ' ' '\n' < /proc/cmdline | sed -n 's/^vgpio.share=//p' | tr , ' ')
hello="" jdk=""
for s in $shares; do
  p=${s#*:}
  [ -z "$jdk" ] && [ -x "$p/bin/java" ] && jdk=$p
  [ -z "$hello" ] && [ -f "$p/Hello.java" ] && hello=$p/Hello.java
  [ -z "$hello" ] && [ -f "$p/releng/guest/examples/Hello.java" ] && hello=$p/releng/guest/examples/Hello.java
done
java=${jdk:-$JAVA_HOME}/bin/java
mount | grep ' type 9p '
if [ ! -x "$java" ]; then
  bad "no $java (share the JDK with --share)"
else
  echo "memory before java: $(mem)"
  t=$(now); "$java" -version 2>&1; rc=$?; t=$(( $(now) - t ))
  [ "$rc" = 0 ] && ok "java -version in ${t} ms" || bad "java -version rc $rc"
  t=$(now); "$java" -Xshare:auto -XX:TieredStopAtLevel=1 -version >/dev/null 2>&1; t=$(( $(now) - t ))
  echo "java -XX:TieredStopAtLevel=1 -version: ${t} ms"
  if [ -n "$hello" ]; then
    cd /tmp || exit 1
    t=$(now); "$java" "$hello" 2>&1 & jpid=$!
    peak=0                           # guest memory in use while it runs
    while kill -0 "$jpid" 2>/dev/null; do
      used=$(awk '/^MemTotal/ {t=$2} /^MemAvailable/ {a=$2} END {printf "%d", (t - a) / 1024}' /proc/meminfo)
      [ "$used" -gt "$peak" ] && peak=$used
      sleep 0.2
    done
    wait "$jpid"; rc=$?; t=$(( $(now) - t ))
    [ "$rc" = 0 ] && ok "java Hello.java in ${t} ms, guest memory in use at most ${peak} MiB" ||
      bad "java Hello.java rc $rc"
  else
    bad "Hello.java not found in any share"
  fi
  echo "memory after java: $(mem)"
fi

echo 0 > "$CFG/smoke/live"
rmdir "$CFG/smoke/gpio-bank0/line"* "$CFG/smoke/gpio-bank0" "$CFG/smoke" && ok "chip removed again" || bad "chip removal"
[ "$fail" = 0 ] && echo "SMOKE: all passed" || echo "SMOKE: FAILED"
exit "$fail"
