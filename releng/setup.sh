#!/usr/bin/env bash
# Installs what vGPIO Workbench needs on a Debian 12 machine, and nothing that is already there.
#
#   releng/setup.sh workbench   the desktop libraries the workbench window needs (GTK 3)
#   releng/setup.sh test        everything the test command needs: the above, Xvfb, gcc, and the test guest's
#                               dependencies (QEMU 10 from bookworm-backports, Debian's 6.1 kernel triple,
#                               busybox-static, gpiod, i2c-tools; see releng/guest/install-deps.sh)
#
# Java (Temurin 25, or any JDK 21+ in JAVA_HOME) and Maven (the wrapper downloads it) are not installed here.
# Runs apt through sudo when not root. Quiet and fast when everything is present.
set -euo pipefail

repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
say() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

what=${1:-test}
case $what in
  workbench) pkgs=(libgtk-3-0) ;;
  test) pkgs=(libgtk-3-0 xvfb gcc libc6-dev sigrok-cli) ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown target '$what'; use 'workbench' or 'test'" ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to install: ${missing[*]}"
    sudo=(sudo)
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # DPkg::Lock::Timeout: wait for another apt or dpkg (unattended-upgrades, a parallel build) instead of failing.
  "${sudo[@]}" apt-get update -q -o DPkg::Lock::Timeout=600 >&2 || die "apt-get update failed"
  "${sudo[@]}" apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >&2 ||
    die "apt-get install ${missing[*]} failed"
fi

if [[ $what == test ]]; then
  "$repo/releng/guest/install-deps.sh"
fi

java_ok=0
for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  [[ -n $j && -x $j/bin/java ]] && java_ok=1 && break
done
((java_ok)) || die "no JDK found: install a JDK 21+ (Temurin 25 is what the project builds with) and set JAVA_HOME"
