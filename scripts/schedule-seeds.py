#!/usr/bin/env python3
"""Runs threaded guest programs under many `--schedule random:SEED` interleavings (`make test-threads`).

Every --exact program must print its exact total and exit 0 under each seed 1..--seeds (a lock-free
counter loses no increment however the threads interleave). The --racy program must show at least two
different outputs over seeds 1..--racy-seeds, at least one of them a failure (the race is found), and
the same output, exit status and syscall trace when a seed runs again (the race is replayed). Prints
one line per program and the first seed that breaks the racy one; exits 0 when all hold, 1 otherwise,
2 on usage errors. Standard library only.
"""

import argparse
import os
import subprocess
import sys
import tempfile


def run(tinyrv, program, seed, trace_file=None):
    """(exit status, stdout, trace text) of PROGRAM under --schedule random:SEED."""
    command = [tinyrv, "run", "--schedule", f"random:{seed}"]
    if trace_file:
        command += ["--trace", "syscalls", "--trace-file", trace_file]
    result = subprocess.run(command + [program], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    trace = open(trace_file, "rb").read() if trace_file else b""
    return result.returncode, result.stdout, trace


def check_exact(tinyrv, program, seeds):
    """True when PROGRAM exits 0 under every seed; prints the first failure."""
    for seed in range(1, seeds + 1):
        status, output, _ = run(tinyrv, program, seed)
        if status != 0:
            print(f"FAIL {program}: seed {seed} exit {status}: {output.decode(errors='replace').strip()}")
            return False
    print(f"PASS {program}: exact under seeds 1..{seeds} ({output.decode(errors='replace').strip()})")
    return True


def check_racy(tinyrv, program, seeds):
    """True when PROGRAM's outputs differ between seeds, some seed fails, and a seed replays exactly."""
    outputs = {}
    for seed in range(1, seeds + 1):
        outputs[seed] = run(tinyrv, program, seed)[:2]
    broken = [seed for seed, (status, _) in outputs.items() if status != 0]
    distinct = {output for _, output in outputs.values()}
    if not broken or len(distinct) < 2:
        print(f"FAIL {program}: {len(distinct)} different outputs and {len(broken)} failing seeds in 1..{seeds}")
        return False
    seed = broken[0]
    with tempfile.TemporaryDirectory() as work:
        first = run(tinyrv, program, seed, os.path.join(work, "first"))
        again = run(tinyrv, program, seed, os.path.join(work, "again"))
    if first != again or first[:2] != outputs[seed]:
        print(f"FAIL {program}: seed {seed} does not replay (output, status or trace differ)")
        return False
    print(f"PASS {program}: {len(distinct)} different totals in seeds 1..{seeds}; seed {seed} breaks it "
          f"({first[1].decode(errors='replace').strip()}) and replays byte for byte")
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tinyrv", required=True, help="the tinyrv executable")
    parser.add_argument("--seeds", type=int, default=200, help="seeds for each --exact program")
    parser.add_argument("--exact", nargs="*", default=[], help="programs that must exit 0 under every seed")
    parser.add_argument("--racy", help="a program whose race the seeds must find and replay")
    parser.add_argument("--racy-seeds", type=int, default=20, help="seeds tried on the --racy program")
    arguments = parser.parse_args()
    if arguments.seeds < 1 or arguments.racy_seeds < 2:
        parser.error("--seeds must be at least 1 and --racy-seeds at least 2")
    for program in arguments.exact + ([arguments.racy] if arguments.racy else []):
        if not os.access(program, os.X_OK):
            parser.error(f"{program} is not an executable")
    ok = all([check_exact(arguments.tinyrv, program, arguments.seeds) for program in arguments.exact])
    if arguments.racy:
        ok = check_racy(arguments.tinyrv, arguments.racy, arguments.racy_seeds) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
