# Shared by scripts/difftest.sh and scripts/busybox-difftest.sh (sourced, not run): one program under
# qemu-riscv64 and under tinyrv with the same arguments and stdin, and how the two runs differ.
# The caller sets $qemu, $tinyrv and $timeout_seconds, and may set the array tinyrv_options (extra
# `tinyrv run` options, e.g. --sysroot).

# run_both OUT STDIN PROGRAM [ARGS...]: runs both, writing OUT.{qemu,tinyrv}.{out,err};
# sets qemu_status and tinyrv_status.
run_both() {
    local out=$1 stdin_file=$2
    shift 2
    # The outer 2>/dev/null silences bash's "Aborted" job report; the program's stderr goes to its file.
    { timeout -k 5 "$timeout_seconds" "$qemu" "$@" <"$stdin_file" \
        >"$out.qemu.out" 2>"$out.qemu.err"; } 2>/dev/null
    qemu_status=$?
    { timeout -k 5 "$timeout_seconds" "$tinyrv" run ${tinyrv_options[@]+"${tinyrv_options[@]}"} "$@" <"$stdin_file" \
        >"$out.tinyrv.out" 2>"$out.tinyrv.err"; } 2>/dev/null
    tinyrv_status=$?
}

# describe_difference OUT: sets problems to what differs between the two runs ('' when status and
# stdout are identical) and writes a short stdout diff to OUT.detail.
describe_difference() {
    local out=$1
    problems=''
    if [ "$qemu_status" != "$tinyrv_status" ]; then
        problems="exit status $tinyrv_status, qemu-riscv64 $qemu_status"
        [ "$tinyrv_status" = 124 ] && problems+=" (124: timeout or instruction budget)"
    fi
    : >"$out.detail"
    if ! cmp -s "$out.qemu.out" "$out.tinyrv.out"; then
        [ -n "$problems" ] && problems+="; "
        problems+="stdout differs ($(wc -c <"$out.tinyrv.out") bytes, qemu-riscv64 $(wc -c <"$out.qemu.out"))"
        diff -u --label qemu-riscv64 --label tinyrv "$out.qemu.out" "$out.tinyrv.out" | head -n 16 >"$out.detail"
    fi
}
