#!/usr/bin/env bash
# Differential test of busybox applets: run each case of CASEFILE as `qemu-riscv64 BUSYBOX ARGS...` (the
# reference) and as `TINYRV run BUSYBOX ARGS...`, with the same stdin, and compare stdout byte for byte and
# the exit status.
#
# usage: scripts/busybox-difftest.sh TINYRV BUSYBOX CASEFILE [NAME...]   (run from the repository root)
#   TINYRV    the tinyrv executable, e.g. .build/debug/tinyrv
#   BUSYBOX   Debian's static riscv64 busybox, e.g. guest/build/busybox/busybox (scripts/fetch-busybox.sh);
#             or `-`: each case names its own program as its first word, a path inside DIFFTEST_SYSROOT
#             (e.g. /usr/bin/lua5.4), run from there (`make test-debian`)
#   CASEFILE  the case list, e.g. guest/busybox/cases.txt
#   NAME      run only these cases (default: all)
#
# CASEFILE has one case per line, `name|stdin-file|expected-status|xfail-reason|args`; blank lines and lines
# starting with # are ignored.
#   name           unique, no spaces.
#   stdin-file     relative to the repository root; empty means /dev/null.
#   expected-status  optional; when given, qemu-riscv64 must exit with it too (a check of the reference).
#   xfail-reason   optional; when given, a mismatch prints `XFAIL name: reason` and does not count as failed,
#                  and a match prints `XPASS name` (counted as passed: remove the mark).
#   args           the rest of the line, shell words: quote with '...' or "..." (parsed by bash, so keep
#                  $ and ` inside single quotes). The first word is the applet. Paths must be relative: the
#                  tinyrv sandbox root is the current directory.
# Environment: DIFFTEST_TIMEOUT (seconds per run, default 60), QEMU (default qemu-riscv64), DIFFTEST_SYSROOT
# (the sysroot of dynamic programs, given to both: see scripts/lib/differential.sh).
#
# Prints `PASS name`, `FAIL name: what differs` (with a short diff), `XFAIL name: reason` or `XPASS name` per
# case, then `N expected failures` when there are any, and last `N passed, N failed`.
# Exits 0 only if no case failed and at least one passed; 2 on a usage error.
set -u -o pipefail

usage() {
    echo "usage: $0 TINYRV BUSYBOX CASEFILE [NAME...]" >&2
    exit 2
}

[ $# -ge 3 ] || usage
tinyrv=$1
busybox=$2
cases_file=$3
shift 3
timeout_seconds=${DIFFTEST_TIMEOUT:-60}
qemu=${QEMU:-qemu-riscv64}
# shellcheck source=lib/differential.sh
. "$(dirname "$0")/lib/differential.sh"

command -v "$tinyrv" >/dev/null || { echo "$0: $tinyrv is not an executable" >&2; exit 2; }
if [ "$busybox" = - ]; then
    [ -d "${DIFFTEST_SYSROOT:-}" ] || { echo "$0: BUSYBOX - needs DIFFTEST_SYSROOT=DIR" >&2; exit 2; }
else
    [ -x "$busybox" ] || { echo "$0: $busybox is not an executable (make guest-busybox)" >&2; exit 2; }
fi
[ -f "$cases_file" ] || { echo "$0: $cases_file is not a file" >&2; exit 2; }
command -v "$qemu" >/dev/null || { echo "$0: $qemu not found (apt-get install qemu-user)" >&2; exit 2; }
command -v timeout >/dev/null || { echo "$0: timeout(1) not found" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/busybox-difftest.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
ulimit -c 0

# Output must not depend on the host's locale or time zone; both runs see the same environment.
export LC_ALL=C TZ=UTC

names=()
declare -A case_stdin=() case_status=() case_xfail=() case_args=()
line_number=0
while IFS='|' read -r name stdin_file status xfail args || [ -n "$name" ]; do
    line_number=$((line_number + 1))
    name=${name//[[:space:]]/}
    case $name in '' | '#'*) continue ;; esac
    if [ -n "${case_args[$name]+set}" ]; then
        echo "$0: $cases_file:$line_number: duplicate case $name" >&2
        exit 2
    fi
    names+=("$name")
    case_stdin[$name]=${stdin_file//[[:space:]]/}
    case_status[$name]=${status//[[:space:]]/}
    xfail=${xfail#"${xfail%%[![:space:]]*}"}
    case_xfail[$name]=${xfail%"${xfail##*[![:space:]]}"}
    case_args[$name]=$args
done <"$cases_file"

if [ $# -gt 0 ]; then
    for name in "$@"; do
        [ -n "${case_args[$name]+set}" ] || { echo "$0: no case $name in $cases_file" >&2; exit 2; }
    done
    names=("$@")
fi

passed=0
failed=0
xfailed=0

report_mismatch() { # report_mismatch NAME MESSAGE [DETAIL-FILE]
    local xfail=${case_xfail[$1]}
    if [ -n "$xfail" ]; then
        echo "XFAIL $1: $xfail"
        xfailed=$((xfailed + 1))
        return
    fi
    echo "FAIL $1: $2"
    [ $# -ge 3 ] && [ -s "$3" ] && sed 's/^/    /' "$3"
    failed=$((failed + 1))
}

run_case() { # run_case NAME
    local name=$1
    local stdin_file=${case_stdin[$name]}
    [ -n "$stdin_file" ] || stdin_file=/dev/null
    if [ ! -r "$stdin_file" ]; then
        echo "FAIL $name: stdin file $stdin_file not readable"
        failed=$((failed + 1))
        return
    fi
    # `set --` rather than `args=(...)`: in an array assignment a word like `[` would be a subscript.
    if ! eval "set -- ${case_args[$name]}" 2>"$work/parse.err"; then
        echo "FAIL $name: cannot parse args: $(head -n 1 "$work/parse.err")"
        failed=$((failed + 1))
        return
    fi
    local -a args=("$@")
    if [ "$busybox" = - ]; then
        args[0]=${DIFFTEST_SYSROOT%/}${args[0]}
    else
        args=("$busybox" "${args[@]}")
    fi

    local out="$work/$name"
    run_both "$out" "$stdin_file" "${args[@]}"

    local expected=${case_status[$name]}
    if [ -n "$expected" ] && [ "$qemu_status" != "$expected" ]; then
        echo "FAIL $name: reference qemu-riscv64 exited $qemu_status, $cases_file expects $expected"
        head -n 3 "$out.qemu.err" | sed 's/^/    stderr: /'
        failed=$((failed + 1))
        return
    fi
    describe_difference "$out"
    if [ -z "$problems" ]; then
        if [ -n "${case_xfail[$name]}" ]; then
            echo "XPASS $name (matches qemu-riscv64 now: remove its xfail reason)"
        else
            echo "PASS $name"
        fi
        passed=$((passed + 1))
        return
    fi
    head -n 3 "$out.tinyrv.err" | sed 's/^/stderr: /' >>"$out.detail"
    report_mismatch "$name" "$problems" "$out.detail"
}

for name in "${names[@]}"; do
    run_case "$name"
done

[ "$xfailed" -gt 0 ] && echo "$xfailed expected failures (XFAIL: known differences, reasons in the case file)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
