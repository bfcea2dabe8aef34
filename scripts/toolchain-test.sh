#!/usr/bin/env bash
# Debian's own riscv64 toolchain under tinyrv: gcc-14 compiles guest/debian/data/toolchain/*.c (cc1
# and as through posix_spawn, temporary files in /tmp), ar makes a static library, gcc links with ld;
# then the program runs under qemu-riscv64 (the reference; it cannot run gcc itself, which spawns
# riscv64 programs) and under tinyrv, and both must print the expected lines and exit 65.
#
# usage: scripts/toolchain-test.sh TINYRV SYSROOT    (run from the repository root; SYSROOT holds gcc-14,
#                                                      binutils and libc6-dev: make guest-debian)
set -u -o pipefail
[ $# -eq 2 ] || { echo "usage: $0 TINYRV SYSROOT" >&2; exit 2; }
tinyrv=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
sysroot=$(cd "$2" && pwd)
[ -x "$sysroot/usr/bin/gcc-14" ] || { echo "$0: no gcc-14 in $sysroot (make guest-debian)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/toolchain-test.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
cp guest/debian/data/toolchain/* "$work/"
mkdir "$work/tmp"
cd "$work" || exit 2
export LC_ALL=C TZ=UTC

run() { # run TOOL ARGS...: one step of the build under tinyrv; stops the test when it fails
    echo "+ $*"
    local tool=$1
    shift
    timeout 300 "$tinyrv" run --fs-write --sysroot "$sysroot" --stack-pages 2048 "$sysroot/usr/bin/$tool" "$@" \
        || { echo "FAIL toolchain: $tool $* exited $?"; exit 1; }
}
run gcc-14 -O2 -Wall -c shapes.c -o shapes.o
run ar rcs libshapes.a shapes.o
run gcc-14 -O2 -Wall main.c -L. -lshapes -lm -o shapes

expected=$'3 circles, total area 65.9734, hypot 5.0000\nsquares: 144 49'
for engine in qemu tinyrv; do
    if [ $engine = qemu ]; then
        output=$(timeout 60 qemu-riscv64 -L "$sysroot" ./shapes 1 2 4)
    else
        output=$(timeout 60 "$tinyrv" run --sysroot "$sysroot" ./shapes 1 2 4)
    fi
    status=$?
    if [ "$output" != "$expected" ] || [ $status -ne 65 ]; then
        echo "FAIL toolchain: under $engine the program printed"
        echo "$output"
        echo "and exited $status (expected status 65 and:)"
        echo "$expected"
        exit 1
    fi
done
echo "PASS toolchain: gcc-14, as, ar and ld under tinyrv; the program runs alike under qemu-riscv64 and tinyrv"
