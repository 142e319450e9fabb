#!/usr/bin/env bash
# Boot the vGPIO test guest under QEMU, attached to a vhost-user GPIO backend.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/common.sh"

usage() {
  cat <<EOF
Usage: run-guest.sh --socket PATH [options]
       run-guest.sh --no-device [options]

Boots the vGPIO test guest (Debian $KSERIES kernel, busybox, gpio-virtio.ko,
libgpiod tools) in QEMU with a vhost-user-gpio-pci device whose backend
listens on the UNIX socket PATH (QEMU connects to it as a client).

Options:
  --socket PATH      vhost-user socket of the running GPIO backend (required
                     unless --no-device).
  --no-device        debugging aid: boot without the vhost-user chardev and
                     device (checks the guest itself; no /dev/gpiochip*).
  --script FILE      run FILE in the guest as /test.sh (added to a per-run
                     copy of the initrd as an extra cpio archive, mode 755);
                     the guest powers off when it ends. Without --script the
                     guest gives a shell on the console.
  --shell            a shell on the console after the script instead of
                     powering off (without --script the shell is the default).
  --raw-console      the serial console on stdin/stdout without QEMU's monitor
                     multiplexer: every byte (Ctrl-A, Ctrl-C included) goes to
                     the guest. For programs that drive the console through
                     pipes, like the workbench's guest console.
  --console FILE     write the serial console to FILE instead of stdout.
  --kernel K         boot your own kernel image (needs --initrd too); nothing
  --initrd I         is built then. Your initrd's /init must load the modules
                     and run /test.sh itself (see the README).
  --mem SIZE         guest RAM, shared memfd backend (default 256M; a plain
                     number is MiB, as for -m). A JVM in the guest wants 1G.
  --smp N            guest CPUs (default 1).
  --share HOSTDIR[:TAG]
                     export HOSTDIR read-only over virtio-9p and mount it in
                     the guest at the same absolute path (repeatable; TAG
                     defaults to share0, share1, ...). E.g. the JDK and the
                     repository, so that paths are the same on both sides.
  --gpio-sim         load configfs, irq_sim and gpio-sim at boot (configfs
                     mounted on /sys/kernel/config): the script makes chips
                     under /sys/kernel/config/gpio-sim/.
  --board            load the test board once the gpiochip is there: leds-gpio
                     (heartbeat) on the line named LED, gpio-keys (KEY_ENTER)
                     on BUTTON, i2c-gpio (bus 0, /dev/i2c-0) on SDA/SCL, and
                     the lm75/at24 drivers; the device must name its lines so.
  --kvm              use KVM if /dev/kvm works (probed), else fall back to
                     TCG. Default: TCG.
  --qemu BINARY      QEMU binary (default: qemu-system-x86_64; QEMU 10 is
                     installed with install-deps.sh when missing or older).
  --timeout SECONDS  kill the whole run after SECONDS (default 120; 0 = no
                     limit); exits 124 with a message.
  --append "ARGS"    extra kernel command line (after console=ttyS0
                     loglevel=3 panic=-1), e.g. "loglevel=7 vgpio.wait=10".
  --qemu-arg ARG     one more QEMU argument (repeatable), e.g. --qemu-arg -s.
  --allow-reboot     a guest reboot resets the machine in the same QEMU (the
                     vhost-user connection stays) instead of ending QEMU; the
                     script runs again on the new boot.
  -h, --help         this text.

The guest prints "VGPIO-GUEST: script start" and "VGPIO-GUEST: script exit N".
Exit code: N when the script ran to its end; 124 on timeout; otherwise QEMU's
exit code, except that a run with --script where QEMU exited 0 but no exit
marker was seen (the guest died or reset first) exits 125.
Interactive console: Ctrl-A x quits QEMU, Ctrl-A c toggles the monitor.
EOF
}

log() { echo "run-guest: $*" >&2; }
die() { echo "run-guest: ERROR: $*" >&2; exit 2; }

SOCKET="" NO_DEVICE=0 SCRIPT="" CONSOLE="" KERNEL="" INITRD="" MEM=256M
USE_KVM=0 QEMU="" TIMEOUT=120 APPEND="" EXTRA_QEMU=() NO_REBOOT=(-no-reboot)
SMP=1 SHARES=() GPIO_SIM=0 SHELL_AFTER=0 RAW_CONSOLE=0 BOARD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --socket)    SOCKET=${2:?--socket needs a path}; shift 2 ;;
    --no-device) NO_DEVICE=1; shift ;;
    --script)    SCRIPT=${2:?--script needs a file}; shift 2 ;;
    --shell)     SHELL_AFTER=1; shift ;;
    --raw-console) RAW_CONSOLE=1; shift ;;
    --console)   CONSOLE=${2:?--console needs a file}; shift 2 ;;
    --kernel)    KERNEL=${2:?--kernel needs a file}; shift 2 ;;
    --initrd)    INITRD=${2:?--initrd needs a file}; shift 2 ;;
    --mem)       MEM=${2:?--mem needs a size}; shift 2 ;;
    --smp)       SMP=${2:?--smp needs a number}; shift 2 ;;
    --share)     SHARES+=("${2:?--share needs HOSTDIR[:TAG]}"); shift 2 ;;
    --gpio-sim)  GPIO_SIM=1; shift ;;
    --board)     BOARD=1; shift ;;
    --kvm)       USE_KVM=1; shift ;;
    --qemu)      QEMU=${2:?--qemu needs a binary}; shift 2 ;;
    --timeout)   TIMEOUT=${2:?--timeout needs seconds}; shift 2 ;;
    --append)    APPEND=${2?--append needs a string}; shift 2 ;;
    --qemu-arg)  EXTRA_QEMU+=("${2?--qemu-arg needs an argument}"); shift 2 ;;
    --allow-reboot) NO_REBOOT=(); shift ;;
    -h|--help)   usage; exit 0 ;;
    *)           usage >&2; die "unknown argument: $1" ;;
  esac
done

[ "$NO_DEVICE" = 1 ] || [ -n "$SOCKET" ] || { usage >&2; die "--socket PATH (or --no-device) is required"; }
[ -z "$SOCKET" ] || [ "$NO_DEVICE" = 0 ] || die "--socket and --no-device exclude each other"
[ -z "$KERNEL$INITRD" ] || { [ -n "$KERNEL" ] && [ -n "$INITRD" ]; } || die "--kernel and --initrd go together"
[[ "$TIMEOUT" =~ ^[0-9]+$ ]] || die "--timeout takes whole seconds"
[ -z "$CONSOLE" ] || [ "$RAW_CONSOLE" = 0 ] || die "--console and --raw-console exclude each other"
[ -z "$SCRIPT" ] || [ -r "$SCRIPT" ] || die "script $SCRIPT not readable"
[ -z "$SOCKET" ] || [ -S "$SOCKET" ] ||
  die "$SOCKET is not a UNIX socket: start the vhost-user GPIO backend first"
[[ "$SMP" =~ ^[1-9][0-9]*$ ]] || die "--smp takes a positive number"
# -m reads a plain number as MiB, memory-backend-memfd's size as bytes: give
# both the same explicit unit.
[[ "$MEM" =~ ^[0-9]+$ ]] && MEM=${MEM}M
[[ "$MEM" =~ ^[0-9]+(\.[0-9]+)?[KMGTkmgt]$ ]] || die "--mem takes a size like 256M, 1.5G or 1024"

# ---- 9p shares: HOSTDIR[:TAG] -> QEMU fsdev + device, guest mount list ----------
SHARE_QEMU=() SHARE_LIST=()
i=0
for spec in "${SHARES[@]}"; do
  dir=$spec tag=share$i
  # TAG is what follows the last ':' when it looks like a tag (HOSTDIR may
  # itself hold ':').
  if [[ "$spec" =~ ^(.+):([A-Za-z0-9_.-]+)$ ]] && [ ! -d "$spec" ]; then
    dir=${BASH_REMATCH[1]} tag=${BASH_REMATCH[2]}
  fi
  [ -d "$dir" ] || die "--share $spec: $dir is not a directory"
  dir=$(realpath -s "$dir")   # absolute, symlinks kept: the path the user named
  [ "${#tag}" -le 31 ] || die "--share $spec: tag longer than 31 characters"
  [[ "$dir" =~ ^/[^[:space:],]*$ ]] ||
    die "--share $spec: the path must not contain blanks or commas (kernel command line)"
  for other in "${SHARE_LIST[@]}"; do
    [ "${other%%:*}" != "$tag" ] || die "--share $spec: tag $tag used twice"
  done
  # shellcheck disable=SC2054
  SHARE_QEMU+=(-fsdev "local,id=fs$i,path=$(printf '%s' "${dir//,/,,}"),security_model=none,readonly=on"
               -device "virtio-9p-pci,fsdev=fs$i,mount_tag=$tag")
  SHARE_LIST+=("$tag:$dir")
  i=$((i + 1))
done
GUEST_KNOBS=""
[ "$GPIO_SIM" = 0 ] || GUEST_KNOBS+=" vgpio.gpiosim=1"
[ "$BOARD" = 0 ] || GUEST_KNOBS+=" vgpio.board=1"
[ "$SHELL_AFTER" = 0 ] || GUEST_KNOBS+=" vgpio.shell=1"
if [ ${#SHARE_LIST[@]} -gt 0 ]; then
  # A parent is mounted before anything inside it: sort by path.
  GUEST_KNOBS+=" vgpio.share=$(printf '%s\n' "${SHARE_LIST[@]}" | sort -t: -k2 | paste -sd,)"
fi

qemu_major() { "$1" --version 2>/dev/null | sed -n 's/^QEMU emulator version \([0-9]*\)\..*/\1/p'; }

# ---- QEMU and guest ------------------------------------------------------------
need_deps=0
if [ -z "$QEMU" ]; then
  QEMU=qemu-system-x86_64
  major=$(qemu_major "$QEMU" || true)
  [ -n "$major" ] && [ "$major" -ge "$QEMU_MIN_MAJOR" ] || need_deps=1
fi
[ -n "$KERNEL" ] || "$HERE/install-deps.sh" --check >/dev/null 2>&1 || need_deps=1
if [ "$need_deps" = 1 ]; then
  log "QEMU $QEMU_MIN_MAJOR or a guest build dependency is missing: running install-deps.sh"
  "$HERE/install-deps.sh" >&2
fi
major=$(qemu_major "$QEMU" || true)
[ -n "$major" ] || die "$QEMU does not run"
[ "$major" -ge 9 ] ||
  log "WARNING: QEMU $major does not pass VIRTIO_GPIO_F_IRQ to the guest (needs 9+): no interrupts"

if [ -z "$KERNEL" ]; then
  GUEST=$("$HERE/build-guest.sh")
  KERNEL=$GUEST/vmlinuz INITRD=$GUEST/initrd.img
fi
[ -r "$KERNEL" ] || die "kernel $KERNEL not readable"
[ -r "$INITRD" ] || die "initrd $INITRD not readable"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/vgpio-run.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ---- per-run initrd: base + a cpio holding /test.sh -------------------------------
BOOT_INITRD=$INITRD
if [ -n "$SCRIPT" ]; then
  mkdir "$TMP/extra"
  install -m 755 "$SCRIPT" "$TMP/extra/test.sh"
  (cd "$TMP/extra" && echo test.sh | cpio -o -H newc -R 0:0 --quiet) | gzip -n > "$TMP/extra.cpio.gz"
  cat "$INITRD" "$TMP/extra.cpio.gz" > "$TMP/initrd.img"
  BOOT_INITRD=$TMP/initrd.img
fi

# ---- accelerator ---------------------------------------------------------------------
ACCEL=tcg
if [ "$USE_KVM" = 1 ]; then
  # Probe with the same machine and CPU: the firmware finds nothing to boot
  # and asks for a reboot, which -no-reboot turns into a clean exit 0. Here
  # KVM was seen to abort (MSR 0x10a) or to hang: both fail the probe.
  if [ -r /dev/kvm ] && [ -w /dev/kvm ] &&
     timeout 10 "$QEMU" -accel kvm -machine q35 -cpu max -m 64M -nodefaults \
       -no-user-config -display none -no-reboot -boot reboot-timeout=0 \
       </dev/null >/dev/null 2>&1; then
    ACCEL=kvm
  else
    log "WARNING: /dev/kvm does not work here: falling back to TCG"
  fi
fi

qopt() { printf '%s' "${1//,/,,}"; }   # a value inside a QEMU option list

# ---- console -------------------------------------------------------------------------
if [ -n "$CONSOLE" ]; then
  : > "$CONSOLE"
  CON=(-chardev "file,id=con,path=$(qopt "$CONSOLE")" -serial chardev:con)
  LOG=$CONSOLE
elif [ "$RAW_CONSOLE" = 1 ]; then
  LOG=$TMP/console.log
  # shellcheck disable=SC2054
  CON=(-chardev "stdio,id=con,signal=off,logfile=$(qopt "$LOG")" -serial chardev:con)
else
  LOG=$TMP/console.log
  # Interactive shell: Ctrl-C goes to the guest; with a script it stops QEMU.
  sig=on; [ -n "$SCRIPT" ] || sig=off
  # shellcheck disable=SC2054
  CON=(-chardev "stdio,id=con,mux=on,signal=$sig,logfile=$(qopt "$LOG")"
       -serial chardev:con -mon chardev=con,mode=readline)
fi

DEV=()
if [ "$NO_DEVICE" = 0 ]; then
  # shellcheck disable=SC2054
  DEV=(-chardev "socket,id=vgpio,path=$(qopt "$SOCKET")" -device vhost-user-gpio-pci,chardev=vgpio,id=gpio)
fi

# shellcheck disable=SC2054  # commas belong to QEMU option lists
CMD=("$QEMU" -machine q35 -accel "$ACCEL" -cpu max -smp "$SMP" -m "$MEM"
     -object "memory-backend-memfd,id=mem,size=$MEM,share=on" -numa node,memdev=mem
     "${DEV[@]}" "${SHARE_QEMU[@]}"
     -kernel "$KERNEL" -initrd "$BOOT_INITRD"
     -append "console=ttyS0 loglevel=3 panic=-1${GUEST_KNOBS}${APPEND:+ $APPEND}"
     -nodefaults -no-user-config -display none "${CON[@]}" "${NO_REBOOT[@]}"
     "${EXTRA_QEMU[@]}")
log "accel $ACCEL, kernel $KERNEL, initrd $BOOT_INITRD${SCRIPT:+ (+ $SCRIPT as /test.sh)}, timeout ${TIMEOUT}s"
log "${CMD[*]}"

START=$(date +%s.%N)
set +e
if [ "$TIMEOUT" -gt 0 ]; then
  timeout --foreground -k 5 "$TIMEOUT" "${CMD[@]}"
else
  "${CMD[@]}"
fi
QRC=$?
set -e
ELAPSED=$(echo "$(date +%s.%N) - $START" | bc)
[ -t 0 ] && stty sane 2>/dev/null || true

if [ "$TIMEOUT" -gt 0 ] && [ "$QRC" -eq 124 ]; then
  log "TIMEOUT: the run exceeded ${TIMEOUT}s and QEMU was killed (console: ${CONSOLE:-stdout})"
  exit 124
fi
SRC=$(tr -d '\r' < "$LOG" 2>/dev/null | sed -n 's/^.*VGPIO-GUEST: script exit \([0-9]\{1,\}\)$/\1/p' | tail -n 1)
if [ -n "$SRC" ]; then
  log "script exit $SRC, QEMU exit $QRC, $(printf %.2f "$ELAPSED")s wall"
  exit "$SRC"
fi
if [ -n "$SCRIPT" ] && [ "$QRC" -eq 0 ]; then
  if tr -d '\r' < "$LOG" | grep -q 'VGPIO-GUEST: script start'; then
    log "ERROR: the script started but its exit marker never came (guest died?)"
  else
    log "ERROR: the guest stopped before running the script (see the console)"
  fi
  exit 125
fi
log "QEMU exit $QRC, $(printf %.2f "$ELAPSED")s wall"
exit "$QRC"
