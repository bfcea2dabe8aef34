#!/usr/bin/env bash
# The multi-process suite: programs of guest/tasks (and busybox as /bin/sh and its applets) run in a
# small tree, with fork, exec, pipes, posix_spawn and system(); stdout and the exit status must equal
# what guest/tasks/cases.txt and guest/tasks/expected/NAME.out write down. (qemu-riscv64 cannot be the
# reference here: it cannot execve a riscv64 program without binfmt_misc.)
#
# usage: scripts/tasks-test.sh TINYRV BUSYBOX PROGRAMS [NAME...]    (run from the repository root)
#   TINYRV    the tinyrv executable, e.g. .build/debug/tinyrv
#   BUSYBOX   Debian's static riscv64 busybox (guest/build/busybox/busybox)
#   PROGRAMS  the built guest/tasks programs (guest/build/tasks)
# Prints `PASS name` or `FAIL name: what differs` per case, then `N passed, N failed`; exits 0 only
# if every case passes, 2 on a usage error. Environment: TASKS_TIMEOUT (seconds per case, default 60).
set -u -o pipefail

[ $# -ge 3 ] || { echo "usage: $0 TINYRV BUSYBOX PROGRAMS [NAME...]" >&2; exit 2; }
tinyrv=$1
busybox=$2
programs=${3%/}
shift 3
cases=guest/tasks/cases.txt
timeout_seconds=${TASKS_TIMEOUT:-60}
command -v "$tinyrv" >/dev/null || { echo "$0: $tinyrv is not an executable" >&2; exit 2; }
[ -x "$busybox" ] || { echo "$0: $busybox is not an executable (make guest-busybox)" >&2; exit 2; }
[ -d "$programs" ] || { echo "$0: $programs is not a directory (make guest-tasks)" >&2; exit 2; }
tinyrv=$(cd "$(dirname "$tinyrv")" && pwd)/$(basename "$tinyrv")

work=$(mktemp -d "${TMPDIR:-/tmp}/tasks-test.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
tree=$work/tree
mkdir -p "$tree/bin" "$tree/tmp"
cp "$busybox" "$tree/bin/busybox"
for applet in sh echo cat tr wc sort head seq xargs grep sed printf true false; do ln -s busybox "$tree/bin/$applet"; done
cp "$programs"/* "$tree/bin/"
cp guest/tasks/data/script.sh "$tree/bin/script.sh"
chmod +x "$tree/bin/script.sh"
export LC_ALL=C TZ=UTC

passed=0 failed=0
while IFS='|' read -r name status command || [ -n "$name" ]; do
    case $name in '' | '#'*) continue ;; esac
    if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
    eval "set -- $command" 2>/dev/null || { echo "FAIL $name: bad command in $cases"; failed=$((failed + 1)); continue; }
    program=$1
    shift
    (cd "$tree" && timeout "$timeout_seconds" "$tinyrv" run --fs-root "$tree" --clear-env --env PATH=/bin \
        "$tree$program" "$@" >"$work/out" 2>"$work/err" </dev/null)
    got=$?
    set --
    if [ "$got" != "$status" ]; then
        echo "FAIL $name: status $got, expected $status ($(head -c 200 "$work/err"))"
        failed=$((failed + 1))
    elif ! diff -u "guest/tasks/expected/$name.out" "$work/out" >"$work/diff"; then
        echo "FAIL $name: stdout differs"
        head -20 "$work/diff"
        failed=$((failed + 1))
    else
        echo "PASS $name"
        passed=$((passed + 1))
    fi
done <"$cases"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
