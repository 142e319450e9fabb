# shellcheck shell=bash disable=SC2034
# Shared by install-deps.sh, build-guest.sh and run-guest.sh (sourced, not run).
# Which Debian kernel series the guest uses, where things are cached, and how
# the installed kernel triple (source, headers, downloaded image) is found.

KSERIES=${VGPIO_KERNEL_SERIES:-6.1}
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/vgpio"
DEB_CACHE="$CACHE_ROOT/debs"
GUEST_CACHE="$CACHE_ROOT/guest"
QEMU_MIN_MAJOR=10

pkg_version() {  # prints the installed version of package $1, or nothing
  dpkg-query -W -f='${db:Status-Abbrev} ${Version}\n' "$1" 2>/dev/null |
    awk '$1 ~ /^ii/ {print $2}'
}

# Prints "ABI VERSION" of a consistent kernel triple: linux-source-$KSERIES
# installed at VERSION, linux-headers-ABI (a plain -amd64 flavour) installed
# at the same VERSION, and linux-image-ABI_VERSION_amd64.deb in $DEB_CACHE.
kernel_triple() {
  local sv pkg v abi
  sv=$(pkg_version "linux-source-$KSERIES")
  [ -n "$sv" ] || return 1
  while read -r pkg v; do
    [ "$v" = "$sv" ] || continue
    abi=${pkg#linux-headers-}
    if [ -f "$DEB_CACHE/linux-image-${abi}_${sv}_amd64.deb" ]; then
      echo "$abi $sv"; return 0
    fi
  done < <(dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Version}\n' \
             "linux-headers-${KSERIES}.*-amd64" 2>/dev/null |
           awk '$1 ~ /^ii/ && $2 !~ /-(cloud|rt)-amd64$/ {print $2, $3}')
  return 1
}
