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
RECIPE=("$HERE/build-guest.sh" "$HERE/init" "$HERE/common.sh")
MARKER=.complete
ROOT_MODULES=(virtio_pci)           # plus gpio-virtio, built here
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
for t in "${GPIOD_TOOLS[@]}"; do
  command -v "$t" >/dev/null || die "$t missing: run $HERE/install-deps.sh"
done

versions() {
  echo "kernel linux-image-$ABI $KVER"
  echo "linux-headers-$ABI $(pkg_version "linux-headers-$ABI")"
  echo "linux-source-$KSERIES $(pkg_version "linux-source-$KSERIES")"
  local p
  for p in busybox-static gpiod libgpiod2 libc6; do echo "$p $(pkg_version "$p")"; done
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

# ---- gpio-virtio.ko, out of tree (Debian does not build CONFIG_GPIO_VIRTIO) --
log "building gpio-virtio.ko against $HEADERS"
tar -xJf "$SRC_TAR" --occurrence=1 -C "$MOD" --strip-components=3 \
  "linux-source-$KSERIES/drivers/gpio/gpio-virtio.c"
[ -f "$MOD/gpio-virtio.c" ] || die "gpio-virtio.c not found in $SRC_TAR"
echo 'obj-m += gpio-virtio.o' > "$MOD/Kbuild"
make -s -C "$HEADERS" M="$MOD" -j"$(nproc)" modules >"$WORK/kbuild.log" 2>&1 ||
  { cat "$WORK/kbuild.log" >&2; die "kbuild of gpio-virtio.ko failed"; }
[ -f "$MOD/gpio-virtio.ko" ] || die "kbuild produced no gpio-virtio.ko"
strip --strip-debug "$MOD/gpio-virtio.ko"   # as Debian's own modules are
vermagic=$(modinfo -F vermagic "$MOD/gpio-virtio.ko")
[ "${vermagic%% *}" = "$ABI" ] || die "gpio-virtio.ko vermagic '$vermagic' does not match $ABI"
cp "$MOD/gpio-virtio.ko" "$RES/"
mkdir -p "$MODDIR/extra"
cp "$MOD/gpio-virtio.ko" "$MODDIR/extra/"
depmod -b "$KX" "$ABI"

# ---- module closure, in load order, from modules.dep --------------------------
declare -A seen=()
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
for m in "${ROOT_MODULES[@]}" gpio-virtio; do add_module "$m"; done

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
for t in "${GPIOD_TOOLS[@]}"; do
  bin=$(command -v "$t")
  install -m 755 "$(readlink -f "$bin")" "$STAGE/usr/bin/$t"
  ldd "$bin" | awk '/=> \// {print $3} /^[ \t]*\// {print $1}' | while read -r lib; do
    copy_lib "$lib"
  done
done

mods_out=$STAGE/lib/modules/$ABI
: > "$STAGE/etc/vgpio/modules"
for p in "${order[@]}"; do
  src=$MODDIR/$p dst=${p%.ko*}.ko
  mkdir -p "$mods_out/$(dirname "$dst")"
  case "$p" in
    *.ko.xz)  xz -dc "$src" > "$mods_out/$dst" ;;
    *.ko.zst) zstd -qdc "$src" > "$mods_out/$dst" ;;
    *.ko.gz)  gzip -dc "$src" > "$mods_out/$dst" ;;
    *)        cp "$src" "$mods_out/$dst" ;;
  esac
  echo "/lib/modules/$ABI/$dst" >> "$STAGE/etc/vgpio/modules"
  # a trimmed modules.dep so that busybox modprobe works in the guest too
  line=$(grep -E "^${p//./\\.}:" "$MODDIR/modules.dep")
  echo "$line" | sed -E 's/\.ko\.(xz|zst|gz)/.ko/g' >> "$mods_out/modules.dep"
done
{ echo "$VERSIONS"; echo "recipe $RECIPE_HASH"; echo "key $KEY"; } > "$STAGE/etc/vgpio/versions"

# Sanity: the dynamic tools must run against exactly the staged files.
if [ "$(id -u)" = 0 ]; then
  chroot "$STAGE" /usr/bin/gpiodetect >/dev/null ||
    die "gpiodetect does not start inside the staged tree (missing library?)"
fi

log "packing initrd.img"
(cd "$STAGE" && find . -mindepth 1 | LC_ALL=C sort |
   cpio -o -H newc -R 0:0 --reproducible --quiet) | gzip -9 -n > "$RES/initrd.img"

{
  echo "$VERSIONS"
  echo "recipe $RECIPE_HASH"
  echo "modules (load order):"; sed 's/^/  /' "$STAGE/etc/vgpio/modules"
  echo "initrd.img $(stat -c %s "$RES/initrd.img") bytes, vmlinuz $(stat -c %s "$RES/vmlinuz") bytes"
  echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(( $(date +%s) - START ))s"
} > "$RES/manifest.txt"
date -u +%Y-%m-%dT%H:%M:%SZ > "$RES/$MARKER"   # last: marks the directory complete
mv "$RES" "$OUT"
log "built $OUT in $(( $(date +%s) - START ))s (initrd $(stat -c %s "$OUT/initrd.img") bytes)"
echo "$OUT"
