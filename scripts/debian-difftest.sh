#!/usr/bin/env bash
# Differential test of Debian's own dynamically linked riscv64 programs: run each case of CASEFILE as
# `qemu-riscv64 -L ROOT ROOT/PROGRAM ARGS...` (the reference) and as
# `TINYRV run --sysroot ROOT --stack-pages 2048 ROOT/PROGRAM ARGS...`, with the same stdin, and compare stdout
# byte for byte and the exit status. ROOT comes from scripts/fetch-debian-root.py.
#
# usage: scripts/debian-difftest.sh TINYRV ROOT CASEFILE [NAME...]   (run from the repository root)
#
# CASEFILE has one case per line, `name|stdin-file|expected-status|args`; blank lines and lines starting
# with # are ignored. args are shell words (parsed by bash: keep $ and ` inside single quotes); the first is
# the program's path inside ROOT (e.g. usr/bin/lua5.4). Other paths must be relative: the tinyrv sandbox root
# is the current directory. An expected status is checked against qemu-riscv64 too. The stack is Linux's
# 8 MiB (2048 pages), as Debian's programs expect, not the seed's 10 pages.
# Environment: DIFFTEST_TIMEOUT (seconds per run, default 120), QEMU (default qemu-riscv64).
#
# Prints `PASS name` or `FAIL name: what differs` per case, then `N passed, N failed`; exits 0 only if no
# case failed and at least one passed; 2 on a usage error.
set -u -o pipefail

[ $# -ge 3 ] || { echo "usage: $0 TINYRV ROOT CASEFILE [NAME...]" >&2; exit 2; }
tinyrv=$1
root=${2%/}
cases_file=$3
shift 3
timeout_seconds=${DIFFTEST_TIMEOUT:-120}
qemu=${QEMU:-qemu-riscv64}
tinyrv_options=(--sysroot "$root" --stack-pages 2048)
# shellcheck source=lib/differential.sh
. "$(dirname "$0")/lib/differential.sh"

command -v "$tinyrv" >/dev/null || { echo "$0: $tinyrv is not an executable" >&2; exit 2; }
[ -d "$root/usr/bin" ] || { echo "$0: $root holds no usr/bin (scripts/fetch-debian-root.py)" >&2; exit 2; }
[ -f "$cases_file" ] || { echo "$0: $cases_file is not a file" >&2; exit 2; }
command -v "$qemu" >/dev/null || { echo "$0: $qemu not found (apt-get install qemu-user)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/debian-difftest.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
ulimit -c 0
# The same locale, time zone and loader prefix in both runs.
export LC_ALL=C TZ=UTC QEMU_LD_PREFIX=$root

names=()
declare -A case_stdin=() case_status=() case_args=()
while IFS='|' read -r name stdin_file status args || [ -n "$name" ]; do
    name=${name//[[:space:]]/}
    case $name in '' | '#'*) continue ;; esac
    [ -z "${case_args[$name]+set}" ] || { echo "$0: duplicate case $name in $cases_file" >&2; exit 2; }
    names+=("$name")
    case_stdin[$name]=${stdin_file//[[:space:]]/}
    case_status[$name]=${status//[[:space:]]/}
    case_args[$name]=$args
done <"$cases_file"
[ $# -gt 0 ] && names=("$@")

passed=0
failed=0
for name in "${names[@]}"; do
    [ -n "${case_args[$name]+set}" ] || { echo "FAIL $name: no such case"; failed=$((failed + 1)); continue; }
    stdin_file=${case_stdin[$name]:-/dev/null}
    eval "set -- ${case_args[$name]}"
    program="$root/$1"
    shift
    out="$work/$name"
    run_both "$out" "$stdin_file" "$program" "$@"
    expected=${case_status[$name]}
    if [ -n "$expected" ] && [ "$qemu_status" != "$expected" ]; then
        echo "FAIL $name: reference qemu-riscv64 exited $qemu_status, $cases_file expects $expected"
        failed=$((failed + 1))
        continue
    fi
    describe_difference "$out"
    if [ -z "$problems" ]; then
        echo "PASS $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name: $problems"
        head -n 3 "$out.tinyrv.err" | sed 's/^/stderr: /' >>"$out.detail"
        sed 's/^/    /' "$out.detail"
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
