# Runs INSIDE the test guest (HardwareBindingTest prepends JDK=, PLUGINS= and CHECK=, the 9p-shared host JDK,
# the product's plugins and the compiled BindingCheck). A gpio-sim chip stands in for a USB GPIO board: the
# project's own 'vgpio serve', run by the host's JVM, binds lines to it; 'vgpio gpiodetect/gpioinfo' are compared
# with libgpiod's tools; BindingCheck drives the device as a guest driver would and gpio-sim as the world would.
set -u
fail=0
ok()  { echo "CHECK ok: $*"; }
bad() { echo "CHECK FAIL: $*"; fail=1; }

CFG=/sys/kernel/config/gpio-sim
[ -d "$CFG" ] || { bad "no $CFG (run with --gpio-sim)"; exit 1; }
mkdir "$CFG/hw" "$CFG/hw/gpio-bank0" || { bad "mkdir in configfs"; exit 1; }
echo 8 > "$CFG/hw/gpio-bank0/num_lines"
for i in 0 1 2 3 4 5 6 7; do
  mkdir "$CFG/hw/gpio-bank0/line$i"
  echo "sim-line$i" > "$CFG/hw/gpio-bank0/line$i/name"
done
echo 1 > "$CFG/hw/live" || { bad "gpio-sim live=1"; exit 1; }
CHIP=$(cat "$CFG/hw/gpio-bank0/chip_name") DEV=$(cat "$CFG/hw/dev_name")
SYS=/sys/devices/platform/$DEV/$CHIP
LABEL=$(gpiodetect | sed -n "s/^$CHIP \[\(.*\)\] .*/\1/p")
echo "gpio-sim: $CHIP [$LABEL] sysfs $SYS"

# Every product bundle of ours but the views (a new bundle must not need a change here), and JNA.
CP=$(ls "$PLUGINS"/io.vgpio.*_*.jar "$PLUGINS"/com.sun.jna_*.jar | grep -v '/io\.vgpio\.ui_' | paste -sd:)
# C1 only and a small heap: the guest runs under TCG with 1 GiB for two JVMs.
JOPTS="--enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -Xshare:auto -Xmx96m -Xss512k -Djna.tmpdir=/tmp"
vgpio() { "$JDK/bin/java" $JOPTS -cp "$CP" io.vgpio.app.cli.Main "$@"; }

# ---- listing: byte for byte what libgpiod 1.6 prints ------------------------------------------------------------
compare() { # NAME, then the command words shared by both tools
  name=$1; shift
  "$name" "$@" > /tmp/libgpiod.txt 2>&1
  vgpio "$name" "$@" > /tmp/vgpio.txt 2>&1
  if cmp -s /tmp/libgpiod.txt /tmp/vgpio.txt; then
    ok "vgpio $name $* prints what $name prints ($(wc -l < /tmp/vgpio.txt) lines)"
  else
    bad "vgpio $name $* differs from $name:"; diff /tmp/libgpiod.txt /tmp/vgpio.txt
  fi
}
compare gpiodetect
compare gpioinfo "$CHIP"
# a used line with a consumer, active-low, open-drain and a pull-down
gpioset -m signal -l -D open-drain -B pull-down "$CHIP" 1=1 & holder=$!
sleep 0.5
compare gpioinfo "$CHIP"
compare gpioinfo "$LABEL"
kill $holder; wait $holder 2>/dev/null
cat /tmp/vgpio.txt

# ---- bad bindings: one clear message, exit 2 -------------------------------------------------------------------
out=$(vgpio serve --socket /tmp/bad.sock --no-control --bind "1=in,nochip:1" 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep -q "no GPIO chip 'nochip'" && ok "a missing chip: exit 2, '$(echo "$out" | tail -1)'" ||
  bad "a missing chip: rc $rc: $out"
out=$(vgpio serve --socket /tmp/bad.sock --no-control --bind "1=in,$CHIP:nosuchline" 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep -q "has no line named 'nosuchline'" && ok "a missing line name: exit 2" ||
  bad "a missing line name: rc $rc: $out"

# ---- the device, bound: line 2 <- chip line 3 (config file, by label), 5 -> sim-line5, 6 -> line 6 active-low --
cat > /tmp/dev.conf <<CONF
lines = 8
name.2 = BUTTON
bind.2 = in $LABEL:3
CONF
vgpio serve --socket /tmp/g.sock --control /tmp/g.ctl --config /tmp/dev.conf \
  --bind "5=out,$CHIP:sim-line5" --bind "6=out,$CHIP:6,active-low,drive=open-drain" > /tmp/serve.log 2>&1 &
serve=$!
for _ in $(seq 1 300); do [ -S /tmp/g.ctl ] && break; sleep 0.1; done
[ -S /tmp/g.ctl ] && ok "vgpio serve with 3 bindings is up" || bad "vgpio serve did not start"
cat /tmp/serve.log
compare gpioinfo "$CHIP"    # line 3 held by vgpio:2, with edge detection

"$JDK/bin/java" $JOPTS -Dedges="${EDGES:-200}" -cp "$CP:$CHECK" io.vgpio.e2e.guest.BindingCheck \
  /tmp/g.sock /tmp/g.ctl "$CHIP" "$SYS" "$CFG/hw" || fail=1

kill $serve; wait $serve 2>/dev/null
echo "---- serve log"
cat /tmp/serve.log
echo 0 > "$CFG/hw/live"
rmdir "$CFG/hw/gpio-bank0/line"* "$CFG/hw/gpio-bank0" "$CFG/hw"
[ "$fail" = 0 ] && echo "BINDING: all passed" || echo "BINDING: FAILED"
exit "$fail"
