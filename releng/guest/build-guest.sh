#!/usr/bin/env bash
# Build the vGPIO test guest (Debian kernel + gzip'd newc initramfs) into
#   ${XDG_CACHE_HOME:-$HOME/.cache}/vgpio/guest/<key>/{vmlinuz,initrd.img}
# and print that directory on stdout (progress goes to stderr).
# <key> is derived from the versions of the packages used and the hash of the
# recipe files; an existing complete directory is reused as it is.
# Usage: build-guest.sh [--force]   (--force: rebuild even on a cache hit)
# Needs the packages of install-deps.sh (run that first; this script does not
# call apt). Does not need root.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/common.sh"
RECIPE=("$HERE/build-guest.sh" "$HERE/init" "$HERE/common.sh" "$HERE/board/vgpio-board.c" "$HERE/board/keyev.c")
MARKER=.complete
ROOT_MODULES=(virtio_pci)           # plus gpio-virtio, built here
# Optional module groups, loaded by /init only when asked for on the kernel
# command line (run-guest.sh --gpio-sim, --share): each is a list in load
# order in /etc/vgpio/modules.<group>, closure resolved from modules.dep.
GPIO_SIM_MODULES=(configfs gpio-sim)   # gpio-sim and irq_sim are built here
NINEP_MODULES=(9pnet_virtio 9p)        # 9p client over virtio (netfs, fscache, 9pnet)
# The board (vgpio.board=1, run-guest.sh --board): the drivers that sit on
# the board's named lines, then board/vgpio-board.ko, which instantiates them.
# In load order: a driver must be there before the board adds its device (no
# modules.dep link between them), ledtrig-heartbeat before the LED names it,
# evdev and i2c-dev before the input device and the adapter appear. lm75 and
# at24 come after the board, which stops lm75's detect() from probing the bus
# and binding by itself: they wait for a test to create their clients.
BOARD_MODULES=(ledtrig-heartbeat leds-gpio evdev gpio_keys i2c-dev i2c-algo-bit
               i2c-gpio vgpio-board lm75 at24)
# i2c-tools' programs (they replace busybox's applets of the same names).
I2C_TOOLS=(i2cdetect i2cget i2cset i2cdump i2ctransfer)
# glibc libraries a JDK shared from the host over 9p needs besides libc and
# the loader (which the gpiod tools already bring): libjvm links libm, libdl,
# libpthread, librt; libz for distribution JDKs that do not bundle zlib.
JDK_LIBS=(libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libz.so.1)
GPIOD_TOOLS=(gpiodetect gpioinfo gpioget gpioset gpiomon gpiofind)

log() { echo "build-guest: $*" >&2; }
die() { echo "build-guest: ERROR: $*" >&2; exit 1; }

FORCE=0
case "${1:-}" in
  --force) FORCE=1 ;;
  -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) die "unknown option: $1" ;;
esac

triple=$(kernel_triple) ||
  die "no matching linux-source-$KSERIES / linux-headers / cached linux-image: run $HERE/install-deps.sh"
ABI=${triple% *} KVER=${triple#* }
KDEB="$DEB_CACHE/linux-image-${ABI}_${KVER}_amd64.deb"
HEADERS=/usr/src/linux-headers-$ABI
SRC_TAR=/usr/src/linux-source-$KSERIES.tar.xz
for f in "$HEADERS/Makefile" "$SRC_TAR" /bin/busybox; do
  [ -e "$f" ] || die "$f missing: run $HERE/install-deps.sh"
done
for t in "${GPIOD_TOOLS[@]}" "${I2C_TOOLS[@]}"; do
  command -v "$t" >/dev/null || die "$t missing: run $HERE/install-deps.sh"
done

versions() {
  echo "kernel linux-image-$ABI $KVER"
  echo "linux-headers-$ABI $(pkg_version "linux-headers-$ABI")"
  echo "linux-source-$KSERIES $(pkg_version "linux-source-$KSERIES")"
  local p
  for p in busybox-static gpiod libgpiod2 libc6 zlib1g i2c-tools libi2c0 gcc; do echo "$p $(pkg_version "$p")"; done
}
VERSIONS=$(versions)
RECIPE_HASH=$(cat "${RECIPE[@]}" | sha256sum | cut -c1-16)
KEY="$ABI-$( { echo "$VERSIONS"; echo "recipe $RECIPE_HASH"; } | sha256sum | cut -c1-12)"
OUT="$GUEST_CACHE/$KEY"

mkdir -p "$GUEST_CACHE"
exec 9>"$GUEST_CACHE/.lock"
flock 9   # one build at a time; a second caller then finds the cache filled

if [ "$FORCE" = 0 ] && [ -f "$OUT/$MARKER" ]; then
  touch "$OUT/$MARKER"   # last use, for the pruning below
  log "cache hit: $OUT"
  echo "$OUT"
  exit 0
fi

START=$(date +%s)
log "building guest $KEY"
echo "$VERSIONS" | sed 's/^/build-guest:   /' >&2
rm -rf "$OUT" "$GUEST_CACHE"/*.tmp.*   # under the lock any *.tmp.* is a dead build
# Drop guests not used for 30 days (other kernels, older recipes).
for d in "$GUEST_CACHE"/*/; do
  d=${d%/}
  if [ -f "$d/$MARKER" ] && [ -n "$(find "$d/$MARKER" -mtime +30)" ]; then
    log "pruning unused $d"; rm -rf "$d"
  fi
done
WORK=$(mktemp -d "$OUT.tmp.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
STAGE="$WORK/stage" KX="$WORK/kernel" MOD="$WORK/mod" RES="$WORK/result"
mkdir -p "$STAGE" "$KX" "$MOD" "$RES"

# ---- kernel image and modules from the (not installed) linux-image package --
log "extracting $(basename "$KDEB")"
dpkg-deb --fsys-tarfile "$KDEB" |
  tar -x -C "$KX" --wildcards './boot/vmlinuz-*' './lib/modules/*'
cp "$KX/boot/vmlinuz-$ABI" "$RES/vmlinuz"
MODDIR="$KX/lib/modules/$ABI"

# ---- out-of-tree modules Debian does not build ---------------------------------
#   gpio-virtio.ko  drivers/gpio/gpio-virtio.c (CONFIG_GPIO_VIRTIO is not set)
#   gpio-sim.ko     drivers/gpio/gpio-sim.c (CONFIG_GPIO_SIM is not set); it
#                   includes the private drivers/gpio/gpiolib.h
#   irq_sim.ko      kernel/irq/irq_sim.c, which gpio-sim needs for its
#                   interrupts: CONFIG_IRQ_SIM is a bool, not built in, and
#                   the file was never meant to be a module (see the patch)
#   i2c-gpio.ko     drivers/i2c/busses/i2c-gpio.c (CONFIG_I2C_GPIO is not set;
#                   its fault injector is off in this config, so no patch)
#   vgpio-board.ko  our own board file, board/vgpio-board.c
OOT_MODULES=(gpio-virtio irq_sim gpio-sim i2c-gpio vgpio-board)
log "building ${OOT_MODULES[*]} against $HEADERS"
tar -xJf "$SRC_TAR" --occurrence=1 -C "$MOD" --transform="s,^.*/,," \
  "linux-source-$KSERIES/drivers/gpio/gpio-virtio.c" \
  "linux-source-$KSERIES/drivers/gpio/gpio-sim.c" \
  "linux-source-$KSERIES/drivers/gpio/gpiolib.h" \
  "linux-source-$KSERIES/kernel/irq/irq_sim.c" \
  "linux-source-$KSERIES/drivers/i2c/busses/i2c-gpio.c"
cp "$HERE/board/vgpio-board.c" "$MOD/"
for f in gpio-virtio.c gpio-sim.c gpiolib.h irq_sim.c i2c-gpio.c; do
  [ -f "$MOD/$f" ] || die "$f not found in $SRC_TAR"
done
# The irq_sim patch, two changes, both checked:
# 1. irq_sim_handle_irq() calls handle_simple_irq(irq_to_desc(irqnum)), and
#    irq_to_desc is not exported to modules on 6.1. generic_handle_irq(irqnum)
#    (exported) looks the descriptor up itself and runs its flow handler,
#    which irq_sim_domain_map() set to handle_simple_irq: the same call.
# 2. A module needs a license (GPL, as the file's SPDX line) to link against
#    the GPL-only irq_domain symbols.
sed -i 's/handle_simple_irq(irq_to_desc(irqnum));/generic_handle_irq(irqnum);/' "$MOD/irq_sim.c"
grep -q 'generic_handle_irq(irqnum);' "$MOD/irq_sim.c" && ! grep -q irq_to_desc "$MOD/irq_sim.c" ||
  die "irq_sim.c: the irq_to_desc patch no longer applies"
printf '\n#include <linux/module.h>\nMODULE_DESCRIPTION("%s");\nMODULE_LICENSE("GPL");\n' \
  "IRQ simulator (kernel/irq/irq_sim.c built as a module for gpio-sim)" >> "$MOD/irq_sim.c"
printf 'obj-m += %s.o\n' "${OOT_MODULES[@]}" > "$MOD/Kbuild"
make -s -C "$HEADERS" M="$MOD" -j"$(nproc)" modules >"$WORK/kbuild.log" 2>&1 ||
  { cat "$WORK/kbuild.log" >&2; die "kbuild of ${OOT_MODULES[*]} failed"; }
mkdir -p "$MODDIR/extra"
for m in "${OOT_MODULES[@]}"; do
  [ -f "$MOD/$m.ko" ] || die "kbuild produced no $m.ko"
  strip --strip-debug "$MOD/$m.ko"   # as Debian's own modules are
  vermagic=$(modinfo -F vermagic "$MOD/$m.ko")
  [ "${vermagic%% *}" = "$ABI" ] || die "$m.ko vermagic '$vermagic' does not match $ABI"
  cp "$MOD/$m.ko" "$RES/"
  cp "$MOD/$m.ko" "$MODDIR/extra/"
done
depmod -b "$KX" "$ABI"

# ---- module closure, in load order, from modules.dep --------------------------
declare -A seen=() staged=()
order=()
dep_line() {  # the modules.dep line of module $1 (name with - or _)
  local n=${1//-/_} line path base
  while IFS= read -r line; do
    path=${line%%:*}; base=${path##*/}; base=${base%%.ko*}
    [ "${base//-/_}" = "$n" ] && { echo "$line"; return 0; }
  done < "$MODDIR/modules.dep"
  return 1
}
builtin_mod() { grep -q -E "/${1//[-_]/[-_]}\.ko\$" "$MODDIR/modules.builtin"; }
add_module() {
  local line path deps d
  if ! line=$(dep_line "$1"); then
    builtin_mod "$1" && { log "  $1 is built in"; return 0; }
    die "module $1 not found in modules.dep or modules.builtin"
  fi
  path=${line%%:*}; deps=${line#*:}
  [ -n "${seen[$path]:-}" ] && return 0
  # modules.dep lists the full closure with the deepest dependency last.
  local -a rev=()
  for d in $deps; do rev=("$d" "${rev[@]}"); done
  for d in "${rev[@]}"; do
    [ -n "${seen[$d]:-}" ] || { seen[$d]=1; order+=("$d"); }
  done
  seen[$path]=1; order+=("$path")
}
# One closure per group, each list complete on its own (/init skips modules
# that are already loaded): sets order to the group's load order.
group_order() {
  seen=() order=()
  local m
  for m in "$@"; do add_module "$m"; done
}
group_order "${ROOT_MODULES[@]}" gpio-virtio;  order_core=("${order[@]}")
group_order "${GPIO_SIM_MODULES[@]}";         order_gpio_sim=("${order[@]}")
group_order "${NINEP_MODULES[@]}";            order_9p=("${order[@]}")
group_order "${BOARD_MODULES[@]}";            order_board=("${order[@]}")

# ---- stage the initramfs -------------------------------------------------------
log "staging initramfs"
mkdir -p "$STAGE"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,etc/vgpio,dev,proc,sys,tmp,run,root,mnt}
install -m 755 "$HERE/init" "$STAGE/init"
install -m 755 /bin/busybox "$STAGE/bin/busybox"
/bin/busybox --list-full | while read -r applet; do
  [ "$applet" = bin/busybox ] && continue
  mkdir -p "$STAGE/$(dirname "$applet")"
  ln -sf /bin/busybox "$STAGE/$applet"
done

copy_lib() {  # copy a shared object to the path the loader asked for
  local want=$1
  [ -e "$STAGE$want" ] && return 0
  mkdir -p "$STAGE$(dirname "$want")"
  cp -L "$want" "$STAGE$want"
}
copy_libs_of() {  # every shared object the program $1 loads
  ldd "$1" | awk '/=> \// {print $3} /^[ \t]*\// {print $1}' | while read -r lib; do
    copy_lib "$lib"
  done
}
for t in "${GPIOD_TOOLS[@]}"; do
  bin=$(command -v "$t")
  install -m 755 "$(readlink -f "$bin")" "$STAGE/usr/bin/$t"
  copy_libs_of "$bin"
done

for t in "${I2C_TOOLS[@]}"; do
  bin=$(command -v "$t")
  rm -f "$STAGE/usr/sbin/$t"   # busybox's applet link: replace it, never write through it
  install -m 755 "$(readlink -f "$bin")" "$STAGE/usr/sbin/$t"
  copy_libs_of "$bin"
done
# keyev, our key event printer (board/keyev.c), against the glibc staged above.
gcc -O2 -Wall -Wextra -Werror -o "$STAGE/usr/bin/keyev" "$HERE/board/keyev.c" ||
  die "board/keyev.c does not compile"
copy_libs_of "$STAGE/usr/bin/keyev"

for lib in "${JDK_LIBS[@]}"; do
  f=/lib/x86_64-linux-gnu/$lib
  [ -e "$f" ] || die "$f missing (libc6 / zlib1g)"
  copy_lib "$f"
done
# Just enough of /etc for a JVM (user.name, user.home, localhost).
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$STAGE/etc/passwd"
printf 'root:x:0:\n' > "$STAGE/etc/group"
printf '127.0.0.1\tlocalhost vgpio-guest\n::1\tlocalhost\n' > "$STAGE/etc/hosts"

mods_out=$STAGE/lib/modules/$ABI
stage_modules() {  # $1: list file; the rest: modules.dep paths in load order
  local list=$1 p src dst line; shift
  : > "$list"
  for p in "$@"; do
    dst=${p%.ko*}.ko
    echo "/lib/modules/$ABI/$dst" >> "$list"
    [ -n "${staged[$p]:-}" ] && continue
    staged[$p]=1
    src=$MODDIR/$p
    mkdir -p "$mods_out/$(dirname "$dst")"
    case "$p" in
      *.ko.xz)  xz -dc "$src" > "$mods_out/$dst" ;;
      *.ko.zst) zstd -qdc "$src" > "$mods_out/$dst" ;;
      *.ko.gz)  gzip -dc "$src" > "$mods_out/$dst" ;;
      *)        cp "$src" "$mods_out/$dst" ;;
    esac
    # a trimmed modules.dep so that busybox modprobe works in the guest too
    line=$(grep -E "^${p//./\\.}:" "$MODDIR/modules.dep")
    echo "$line" | sed -E 's/\.ko\.(xz|zst|gz)/.ko/g' >> "$mods_out/modules.dep"
  done
}
stage_modules "$STAGE/etc/vgpio/modules" "${order_core[@]}"
stage_modules "$STAGE/etc/vgpio/modules.gpio-sim" "${order_gpio_sim[@]}"
stage_modules "$STAGE/etc/vgpio/modules.9p" "${order_9p[@]}"
stage_modules "$STAGE/etc/vgpio/modules.board" "${order_board[@]}"
{ echo "$VERSIONS"; echo "recipe $RECIPE_HASH"; echo "key $KEY"; } > "$STAGE/etc/vgpio/versions"

# Sanity: the dynamic tools must run against exactly the staged files.
if [ "$(id -u)" = 0 ]; then
  chroot "$STAGE" /usr/bin/gpiodetect >/dev/null ||
    die "gpiodetect does not start inside the staged tree (missing library?)"
  chroot "$STAGE" /usr/sbin/i2cdetect -V >/dev/null 2>&1 ||
    die "i2cdetect does not start inside the staged tree (missing library?)"
fi

log "packing initrd.img"
(cd "$STAGE" && find . -mindepth 1 | LC_ALL=C sort |
   cpio -o -H newc -R 0:0 --reproducible --quiet) | gzip -9 -n > "$RES/initrd.img"

{
  echo "$VERSIONS"
  echo "recipe $RECIPE_HASH"
  echo "modules (load order):"; sed 's/^/  /' "$STAGE/etc/vgpio/modules"
  echo "modules with vgpio.gpiosim=1:"; sed 's/^/  /' "$STAGE/etc/vgpio/modules.gpio-sim"
  echo "modules with vgpio.share=...:"; sed 's/^/  /' "$STAGE/etc/vgpio/modules.9p"
  echo "modules with vgpio.board=1:"; sed 's/^/  /' "$STAGE/etc/vgpio/modules.board"
  echo "initrd.img $(stat -c %s "$RES/initrd.img") bytes, vmlinuz $(stat -c %s "$RES/vmlinuz") bytes"
  echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(( $(date +%s) - START ))s"
} > "$RES/manifest.txt"
date -u +%Y-%m-%dT%H:%M:%SZ > "$RES/$MARKER"   # last: marks the directory complete
mv "$RES" "$OUT"
log "built $OUT in $(( $(date +%s) - START ))s (initrd $(stat -c %s "$OUT/initrd.img") bytes)"
echo "$OUT"
