#!/usr/bin/env bash
# Provide Debian bookworm's own QEMU 7.2 next to the installed QEMU 10, for
# testing what a guest gets from the QEMU that plain bookworm ships: 7.2 (and
# 8.x) never offer VIRTIO_GPIO_F_IRQ to the guest, so there is no eventq and
# no interrupts (gpiomon fails), while requests (get/set/info) still work.
#
# Nothing is installed: the 7.2 .debs are fetched with `apt-get download` and
# unpacked with `dpkg-deb -x` into ${XDG_CACHE_HOME:-$HOME/.cache}/vgpio/qemu-7.2/:
#   qemu-system-x86     the binary
#   qemu-system-common  its module directory (TCG itself is a module in 7.2:
#                       without it "could not load module for type 'tcg-accel-ops'")
#   qemu-system-data    option ROMs (linuxboot_dma.bin, kvmvapic.bin, ...)
#   seabios             bios-256k.bin, the version of the same suite
# QEMU 7.2 looks for firmware relative to its binary (../share/qemu,
# ../share/seabios), so the unpacked tree needs no -L; the module directory is
# set by QEMU_MODULE_DIR in a small wrapper script. The version is the highest
# 1:7.2* that apt knows for qemu-system-x86 (override: VGPIO_QEMU72_VERSION).
#
# Prints the wrapper's path, to be used as `run-guest.sh --qemu "$(qemu72.sh)"`.
# Idempotent: a complete cache is reused without calling apt.
# Usage: qemu72.sh [--force]   (--force: fetch and unpack again)
set -euo pipefail

CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/vgpio"
DIR="$CACHE_ROOT/qemu-7.2"
WRAPPER="$DIR/qemu-system-x86_64"
MARKER="$DIR/.complete"

log() { echo "qemu72: $*" >&2; }
die() { echo "qemu72: ERROR: $*" >&2; exit 2; }

FORCE=0
case "${1:-}" in
  "") ;;
  --force) FORCE=1 ;;
  -h|--help) sed -n '2,21s/^# \{0,1\}//p' "$0"; exit 0 ;;
  *) die "unknown argument: $1 (usage: qemu72.sh [--force])" ;;
esac

# A quick boot of the firmware alone (it finds nothing to boot and reboots,
# which -no-reboot turns into exit 0): fails on a missing accel module or BIOS.
probe() {
  timeout 20 "$WRAPPER" -machine q35 -accel tcg -m 64M -nodefaults -no-user-config \
    -display none -no-reboot -boot reboot-timeout=0 </dev/null >/dev/null 2>&1
}

cached() {  # a complete cache, of the pinned version if one is asked for
  [ "$FORCE" = 0 ] && [ -f "$MARKER" ] && [ -x "$WRAPPER" ] &&
    { [ -z "${VGPIO_QEMU72_VERSION:-}" ] ||
      grep -qxF "qemu-system-x86 $VGPIO_QEMU72_VERSION" "$DIR/versions.txt"; }
}
if cached; then echo "$WRAPPER"; exit 0; fi

mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.qemu-7.2.lock"
flock 9
if cached; then echo "$WRAPPER"; exit 0; fi   # another caller finished it meanwhile

# ---- which versions ---------------------------------------------------------------
# `apt-cache madison` lines: "pkg | version | <archive URI> <suite>/<component> <arch> Packages"
madison() { apt-cache madison "$1" 2>/dev/null | awk -F' [|] ' '{split($3, a, " "); print $2, a[2]}'; }
highest() { # highest version among stdin lines "version suite"; prints "version suite"
  local best="" bsuite="" v s
  while read -r v s; do
    if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best=$v bsuite=$s; fi
  done
  [ -n "$best" ] && echo "$best $bsuite"
}

if [ -n "${VGPIO_QEMU72_VERSION:-}" ]; then
  read -r XVER XSUITE < <(madison qemu-system-x86 | awk -v v="$VGPIO_QEMU72_VERSION" '$1 == v' | head -n 1) ||
    die "apt knows no qemu-system-x86 $VGPIO_QEMU72_VERSION"
else
  read -r XVER XSUITE < <(madison qemu-system-x86 | awk '$1 ~ /^1:7\.2[+~]/' | highest) ||
    die "apt knows no qemu-system-x86 1:7.2*: is the bookworm suite in apt's sources (apt-get update)?"
fi
# qemu-system-common is built with the binary (same version); qemu-system-data is
# arch:all, so a binNMU (+bN) of the binary has the data without that suffix.
DVER=${XVER%+b[0-9]*}
madison qemu-system-data | awk -v v="$DVER" '$1 == v {f=1} END {exit !f}' ||
  DVER=$(madison qemu-system-data | awk '$1 ~ /^1:7\.2[+~]/' | highest | cut -d' ' -f1 || true)
[ -n "$DVER" ] || die "apt knows no qemu-system-data 1:7.2*"
# seabios: the version in the suite the 7.2 binary comes from, else the highest
# that is not a backport.
SBVER=$(madison seabios | awk -v s="$XSUITE" '$2 == s' | highest | cut -d' ' -f1 || true)
[ -n "$SBVER" ] || SBVER=$(madison seabios | awk '$1 !~ /bpo/' | highest | cut -d' ' -f1 || true)
[ -n "$SBVER" ] || die "apt knows no seabios version to pair with QEMU $XVER"
log "qemu-system-x86 $XVER ($XSUITE), qemu-system-common $XVER, qemu-system-data $DVER, seabios $SBVER"

# ---- fetch and unpack into a fresh directory ------------------------------------------
rm -rf "$DIR" "$DIR".tmp.*
WORK=$(mktemp -d "$DIR.tmp.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/debs" "$WORK/root"
(cd "$WORK/debs" && apt-get download "qemu-system-x86=$XVER" "qemu-system-common=$XVER" \
   "qemu-system-data=$DVER" "seabios=$SBVER") 2>&1 |
  grep -v 'Download is performed unsandboxed' >&2 || true
for d in "$WORK"/debs/*.deb; do dpkg-deb -x "$d" "$WORK/root"; done
BIN="$WORK/root/usr/bin/qemu-system-x86_64"
MODDIR="$WORK/root/usr/lib/x86_64-linux-gnu/qemu"
[ -x "$BIN" ] || die "the download gave no qemu-system-x86_64 (see apt's messages above)"
[ -f "$MODDIR/accel-tcg-x86_64.so" ] || die "no accel-tcg-x86_64.so in qemu-system-common $XVER"
missing=$(ldd "$BIN" "$MODDIR/accel-tcg-x86_64.so" | awk '/not found/ {print $1}' | sort -u)
[ -z "$missing" ] || die "libraries missing for QEMU 7.2: $(echo "$missing" | tr '\n' ' ')"
{
  echo "qemu-system-x86 $XVER"; echo "qemu-system-common $XVER"
  echo "qemu-system-data $DVER"; echo "seabios $SBVER"
} > "$WORK/versions.txt"
rm -rf "$WORK/debs"
mv "$WORK" "$DIR"
trap - EXIT

# The wrapper: QEMU 7.2 finds its firmware relative to the binary
# (`-L help` lists .../usr/share/qemu and .../usr/share/seabios); only the
# module directory has to be given, else it would load QEMU 10's modules.
q() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
cat > "$WRAPPER" <<EOF
#!/bin/sh
# QEMU $XVER unpacked by releng/guest/qemu72.sh (not installed).
QEMU_MODULE_DIR=$(q "$DIR/root/usr/lib/x86_64-linux-gnu/qemu")
export QEMU_MODULE_DIR
exec $(q "$DIR/root/usr/bin/qemu-system-x86_64") "\$@"
EOF
chmod 755 "$WRAPPER"
"$WRAPPER" --version | head -n 1 | grep -q '^QEMU emulator version 7\.2' ||
  die "$WRAPPER does not report QEMU 7.2"
probe || die "$WRAPPER does not boot its firmware (missing module or BIOS?): try it by hand"
date -u +%Y-%m-%dT%H:%M:%SZ > "$MARKER"   # last: marks the directory complete
log "$("$WRAPPER" --version | head -n 1)"
echo "$WRAPPER"
