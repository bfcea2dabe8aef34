#!/usr/bin/env python3
"""Runs tinyrv's fuzzers (scripts/fuzz/*.py) for a time budget with a seed, prints what each ran
and every finding with a command that reproduces it; exits 1 when there was a finding.

    scripts/fuzz/fuzz.py --tinyrv .build/release/tinyrv --seconds 600 --seed 7
    scripts/fuzz/fuzz.py --only elf --seed 7 --case 123      # one case again, its files kept

The time is shared equally by the fuzzers selected: elf (ELF mutation), instructions (random
instruction streams, fast loop against precise loop and qemu-riscv64), syscalls (random syscalls
under --fs-root with canary files), gdb (random GDB remote packets to `tinyrv run --gdb`)."""
import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import elf_mutation  # noqa: E402
import gdb_packets  # noqa: E402
import instruction_streams  # noqa: E402
import syscall_storm  # noqa: E402

FUZZERS = ["elf", "instructions", "syscalls", "gdb"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tinyrv", default=".build/release/tinyrv", help="the tinyrv executable to fuzz")
    parser.add_argument("--seconds", type=float, default=60, help="total time budget (FUZZ_SECONDS)")
    parser.add_argument("--seed", default="1", help="the seed (FUZZ_SEED); the same seed makes the same cases")
    parser.add_argument("--only", choices=FUZZERS, action="append", help="run only this fuzzer (repeatable)")
    parser.add_argument("--case", type=int, help="run only this case number (with --only), keeping its files")
    parser.add_argument("--work", help="directory for cases and findings (default: a new one under /tmp)")
    parser.add_argument("--no-qemu", action="store_true", help="do not compare user-mode streams with qemu-riscv64")
    parser.add_argument("--gdb-program", default="guest/build/tests/hello",
                        help="the guest program the GDB packet fuzzer debugs")
    parser.add_argument("--seeds", nargs="*", default=["guest/build/tests", "guest/build/linux", "guest/build/dynamic"],
                        help="directories of guest ELF files for the ELF mutation fuzzer")
    args = parser.parse_args()
    selected = args.only or FUZZERS
    tinyrv = os.path.abspath(args.tinyrv)
    if not os.access(tinyrv, os.X_OK):
        sys.exit(f"fuzz: {args.tinyrv} is not an executable (make build or make release)")
    common.check_tools(common.CROSS + "gcc", common.CROSS + "nm", *([] if args.no_qemu else [common.QEMU]))
    work = args.work or tempfile.mkdtemp(prefix=f"tinyrv-fuzz-{args.seed}-")
    os.makedirs(work, exist_ok=True)
    print(f"fuzz: {', '.join(selected)} for {args.seconds:g} s, seed {args.seed}, tinyrv {args.tinyrv}, "
          f"work {work}", flush=True)
    reports = []
    share = args.seconds / len(selected)
    for name in selected:
        deadline = time.monotonic() + share
        first, count = (args.case, 1) if args.case is not None else (0, None)
        if name == "elf":
            report = elf_mutation.fuzz(tinyrv, args.seed, deadline, work, [os.path.abspath(d) for d in args.seeds],
                                       first=first, count=count)
        elif name == "instructions":
            report = instruction_streams.fuzz(tinyrv, args.seed, deadline, work, qemu=not args.no_qemu,
                                              first=first, count=count)
        elif name == "syscalls":
            report = syscall_storm.fuzz(tinyrv, args.seed, deadline, work, first=first, count=count)
        else:
            report = gdb_packets.fuzz(tinyrv, args.seed, deadline, work, os.path.abspath(args.gdb_program),
                                      first=first, count=count)
        print("fuzz: " + report.summary(), flush=True)
        reports.append(report)
    findings = sum(len(r.findings) for r in reports)
    print(f"fuzz: {sum(r.cases for r in reports)} cases, {findings} findings"
          + (f" (kept in {work})" if findings else ""), flush=True)
    if not findings and args.work is None and args.case is None:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
