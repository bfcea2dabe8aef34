#!/usr/bin/env bash
# Installs the Debian packages that tinyrv's build and tests use, when any is missing, then proves that each
# toolchain works: a freestanding rv64imac program and a static glibc program are compiled and linked, and
# the glibc one runs under qemu-riscv64.
#
# usage: scripts/install-deps.sh     (as root, or with sudo; `make deps` runs it)
#
# Every package is named here, also those that another package only recommends (apt-get runs with
# --no-install-recommends): gcc-riscv64-linux-gnu only recommends libc6-dev-riscv64-cross, the riscv64 glibc
# headers and static libraries. toolchain.md lists the same packages and what each provides.
# When everything is present it runs no apt-get. On failure it prints one line `install-deps: <reason>`
# naming the package that provides the missing piece, and exits 1.
set -euo pipefail

# package: what the build or the tests use it for
packages=(
  libelf-dev                  # libelf.h, gelf.h, libelf.so: tinyrv's ELF module
  zlib1g-dev                  # libz.so, which libelf links against
  gcc-riscv64-linux-gnu       # riscv64-linux-gnu-gcc: every guest program
  binutils-riscv64-linux-gnu  # riscv64-linux-gnu-as, -ld, -ar, -objcopy, -objdump
  libgcc-12-dev-riscv64-cross # libgcc.a (freestanding guests), libatomic (glibc guests)
  libc6-dev-riscv64-cross     # riscv64 glibc headers and static libraries (only recommended by gcc)
  g++-riscv64-linux-gnu       # riscv64-linux-gnu-g++: C++ guest programs
  libstdc++-12-dev-riscv64-cross # static libstdc++ for the C++ guests
  qemu-user                   # qemu-riscv64: the reference of the differential suites
  gdb-multiarch               # the debugger the gdb stub tests drive
  curl                        # scripts/fetch-busybox.sh downloads Debian's busybox-static
  xz-utils                    # reads Debian's Packages.xz index
  ca-certificates             # curl over https mirrors
  python3                     # scripts/bench.py and the fuzzers
  binutils                    # nm: make bench checks where the hot loop landed (Package.swift)
)

die() {
  echo "install-deps: $*" >&2
  exit 1
}

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo=''
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
    die "apt-get install ${missing[*]} failed"
fi

# The toolchain check: each step names the package that provides what it needs.
work=$(mktemp -d "${TMPDIR:-/tmp}/install-deps.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$work"' EXIT
cross=${CROSS:-riscv64-linux-gnu-}

command -v "${cross}gcc" >/dev/null || die "${cross}gcc not found (package gcc-riscv64-linux-gnu)"
printf 'void _start(void) { for (;;) { } }\n' >"$work/free.c"
"${cross}gcc" -march=rv64imac_zicsr_zifencei -mabi=lp64 -ffreestanding -nostdlib -nostartfiles -static \
  -o "$work/free" "$work/free.c" -lgcc 2>"$work/free.log" ||
  die "cannot link a freestanding rv64imac program (packages binutils-riscv64-linux-gnu, libgcc-12-dev-riscv64-cross): $(head -1 "$work/free.log")"

printf '#include <stdio.h>\nint main(void) { puts("glibc ok"); return 0; }\n' >"$work/hello.c"
"${cross}gcc" -static -O2 -march=rv64gc -mabi=lp64d -o "$work/hello" "$work/hello.c" -lm -latomic \
  2>"$work/hello.log" ||
  die "cannot build a static glibc program (package libc6-dev-riscv64-cross): $(head -1 "$work/hello.log")"

command -v qemu-riscv64 >/dev/null || die "qemu-riscv64 not found (package qemu-user)"
[ "$(qemu-riscv64 "$work/hello" 2>&1)" = "glibc ok" ] ||
  die "a static glibc program does not run under qemu-riscv64 (package qemu-user)"

[ -f /usr/include/libelf.h ] && [ -f /usr/include/gelf.h ] || die "libelf.h not found (package libelf-dev)"
