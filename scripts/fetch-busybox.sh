#!/usr/bin/env bash
# Fetches Debian's static riscv64 busybox (package busybox-static, Debian trixie) into DEST/busybox.
#
# usage: scripts/fetch-busybox.sh DEST
#
# Does nothing when DEST/busybox already exists. Otherwise it reads the current Filename and SHA256 of
# busybox-static from trixie's binary-riscv64 Packages.xz (so a version bump does not break it), downloads
# the .deb, checks its SHA256, extracts it with dpkg-deb and copies usr/bin/busybox to DEST/busybox.
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian), BUSYBOX_SUITE (default trixie).
# Needs curl, xz and dpkg-deb; installs curl and xz-utils with apt-get when they are missing.
# On failure prints one line `fetch-busybox: <reason>` on stderr and exits 1; 2 on a usage error.
set -u -o pipefail

[ $# -eq 1 ] || { echo "usage: $0 DEST" >&2; exit 2; }
dest=${1%/}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=${BUSYBOX_SUITE:-trixie}

die() {
    echo "fetch-busybox: $*" >&2
    exit 1
}

[ -e "$dest/busybox" ] && exit 0

install_missing() { # install_missing PACKAGE... (only those whose command is absent)
    [ $# -eq 0 ] && return 0
    echo "fetch-busybox: installing $*" >&2
    local sudo=''
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq >/dev/null &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null ||
        die "could not install $* with apt-get"
}

missing=()
command -v curl >/dev/null || missing+=(curl)
command -v xz >/dev/null || missing+=(xz-utils)
install_missing "${missing[@]}"
command -v dpkg-deb >/dev/null || die "dpkg-deb not found (this script needs Debian's dpkg)"
command -v sha256sum >/dev/null || die "sha256sum not found (coreutils)"

work=$(mktemp -d "${TMPDIR:-/tmp}/fetch-busybox.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$work"' EXIT

download() { # download URL FILE; on failure dies naming the URL and curl's reason
    local error
    error=$(curl -fsSL --retry 3 --retry-delay 2 --connect-timeout 20 --max-time 300 -o "$2" "$1" 2>&1) ||
        die "cannot download $1 (${error:-curl failed})"
}

index_url="$mirror/dists/$suite/main/binary-riscv64/Packages.xz"
download "$index_url" "$work/Packages.xz"

# The stanza of busybox-static: its Filename and SHA256 fields.
read -r filename sha256 < <(xz -dc "$work/Packages.xz" | awk '
    /^Package: / { in_stanza = ($2 == "busybox-static") }
    in_stanza && /^Filename: / { filename = $2 }
    in_stanza && /^SHA256: / { sha = $2 }
    /^$/ && in_stanza { exit }
    END { if (filename != "" && sha != "") print filename, sha }')
[ -n "${filename:-}" ] && [ -n "${sha256:-}" ] || die "no busybox-static entry with Filename and SHA256 in $index_url"

deb_url="$mirror/$filename"
download "$deb_url" "$work/busybox-static.deb"
echo "$sha256  $work/busybox-static.deb" | sha256sum --check --status ||
    die "SHA256 of $deb_url does not match the Packages entry ($sha256)"

dpkg-deb -x "$work/busybox-static.deb" "$work/root" || die "dpkg-deb cannot extract $deb_url"
[ -f "$work/root/usr/bin/busybox" ] || die "$deb_url holds no usr/bin/busybox"
mkdir -p "$dest" || die "cannot create $dest"
cp "$work/root/usr/bin/busybox" "$dest/busybox.part" && chmod 755 "$dest/busybox.part" &&
    mv "$dest/busybox.part" "$dest/busybox" || die "cannot write $dest/busybox"
echo "fetch-busybox: $dest/busybox from $filename"
