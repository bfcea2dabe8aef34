#!/usr/bin/env bash
# Differential test: run every program of DIR under qemu-riscv64 (the reference) and under `TINYRV run`,
# with the same arguments, stdin and environment, and compare stdout byte for byte and the exit status.
#
# usage: scripts/difftest.sh TINYRV DIR [NAME...]      (run from the repository root)
#   TINYRV  the tinyrv executable, e.g. .build/debug/tinyrv
#   DIR     the directory of static riscv64 programs, e.g. guest/build/linux
#   NAME    run only these programs (default: every executable file in DIR)
#
# Per-program arguments, stdin and expected status come from guest/linux/cases.txt (override with
# DIFFTEST_CASES=FILE), one line each: `name|args|stdin-file|expected-status`. Args are split on spaces, and
# the token "" stands for an empty argument. An empty stdin-file means /dev/null. When expected-status is
# given, qemu-riscv64 must exit with it too, so a broken reference cannot make a case pass.
# Environment: DIFFTEST_TIMEOUT (seconds per run, default 60), QEMU (default qemu-riscv64).
#
# Prints `PASS name` or `FAIL name: what differs` (with a short diff) per program, then `N passed, N failed`.
# Exits 0 only if every case passes; 2 on a usage error.
set -u -o pipefail

usage() {
    echo "usage: $0 TINYRV DIR [NAME...]" >&2
    exit 2
}

[ $# -ge 2 ] || usage
tinyrv=$1
dir=${2%/}
shift 2
cases_file=${DIFFTEST_CASES:-guest/linux/cases.txt}
timeout_seconds=${DIFFTEST_TIMEOUT:-60}
qemu=${QEMU:-qemu-riscv64}
# shellcheck source=lib/differential.sh
. "$(dirname "$0")/lib/differential.sh"

command -v "$tinyrv" >/dev/null || { echo "$0: $tinyrv is not an executable" >&2; exit 2; }
[ -d "$dir" ] || { echo "$0: $dir is not a directory" >&2; exit 2; }
command -v "$qemu" >/dev/null || { echo "$0: $qemu not found (apt-get install qemu-user)" >&2; exit 2; }
command -v timeout >/dev/null || { echo "$0: timeout(1) not found" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/difftest.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
ulimit -c 0 # qemu re-raises SIGABRT for abort(); no core files in the tree

# The one environment variable that argv-env prints; both runs see the same value.
export TINYRV_DIFFTEST="difftest value with spaces"

declare -A case_args=() case_stdin=() case_status=()
if [ -f "$cases_file" ]; then
    while IFS='|' read -r name args stdin_file status || [ -n "$name" ]; do
        name=${name//[[:space:]]/}
        case $name in '' | '#'*) continue ;; esac
        case_args[$name]=$args
        case_stdin[$name]=${stdin_file//[[:space:]]/}
        case_status[$name]=${status//[[:space:]]/}
    done <"$cases_file"
fi

if [ $# -gt 0 ]; then
    names=("$@")
else
    names=()
    for path in "$dir"/*; do
        [ -f "$path" ] && [ -x "$path" ] && names+=("$(basename "$path")")
    done
fi

passed=0
failed=0

fail() { # fail NAME MESSAGE [DETAIL-FILE]
    echo "FAIL $1: $2"
    [ $# -ge 3 ] && [ -s "$3" ] && sed 's/^/    /' "$3"
    failed=$((failed + 1))
}

run_case() { # run_case NAME
    local name=$1 program="$dir/$1"
    if [ ! -x "$program" ]; then
        fail "$name" "no executable $program"
        return
    fi
    local stdin_file=${case_stdin[$name]:-}
    [ -n "$stdin_file" ] || stdin_file=/dev/null
    if [ ! -r "$stdin_file" ]; then
        fail "$name" "stdin file $stdin_file not readable"
        return
    fi
    local -a words=() args=()
    local word
    read -r -a words <<<"${case_args[$name]:-}"
    for word in "${words[@]}"; do
        [ "$word" = '""' ] && word=''
        args+=("$word")
    done

    local out="$work/$name"
    run_both "$out" "$stdin_file" "$program" "${args[@]}"

    local expected=${case_status[$name]:-}
    if [ -n "$expected" ] && [ "$qemu_status" != "$expected" ]; then
        fail "$name" "reference qemu-riscv64 exited $qemu_status, cases.txt expects $expected" "$out.qemu.err"
        return
    fi
    describe_difference "$out"
    if [ -z "$problems" ]; then
        echo "PASS $name"
        passed=$((passed + 1))
        return
    fi
    head -n 3 "$out.tinyrv.err" | sed 's/^/stderr: /' >>"$out.detail"
    fail "$name" "$problems" "$out.detail"
}

for name in "${names[@]}"; do
    run_case "$name"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
