"""ELF mutation fuzzer: real guest programs with damaged headers, program headers, sizes, offsets,
or truncated, run under tinyrv with an instruction budget. tinyrv must reject each with 126 and
one line, or run it to an exit, a kill with its line, or the budget (124)."""
import os
import time

import common

ELF_HEADER = 64
PROGRAM_HEADER = 56
# Fields of the ELF header: (offset, size).
HEADER_FIELDS = [(4, 1), (5, 1), (6, 1), (7, 1), (16, 2), (18, 2), (20, 4), (24, 8), (32, 8), (40, 8),
                 (48, 4), (52, 2), (54, 2), (56, 2), (58, 2), (60, 2), (62, 2)]
# Fields of a program header: type, flags, offset, vaddr, paddr, filesz, memsz, align.
PROGRAM_FIELDS = [(0, 4), (4, 4), (8, 8), (16, 8), (24, 8), (32, 8), (40, 8), (48, 8)]
PAGE = 4096


def interesting(rng, size, current):
    """A value for a field of `size` bytes: edges, near-edges, page multiples, or a nudge of `current`."""
    top = (1 << (8 * size)) - 1
    choices = [0, 1, 2, top, top >> 1, (top >> 1) + 1, PAGE - 1, PAGE, PAGE + 1, 0x10000, 0x3F_FFFF_F000,
               0x40_0000_0000, 0x8000_0000, 1 << 32, (1 << 32) - 1, 1 << 38, 1 << 63,
               current + rng.choice([-PAGE, -8, -1, 1, 8, PAGE]), current ^ (1 << rng.randrange(8 * size)),
               rng.randrange(top + 1)]
    return rng.choice(choices) & top


def put(data, offset, size, value):
    if offset + size <= len(data):
        data[offset:offset + size] = value.to_bytes(size, "little")


def get(data, offset, size):
    return int.from_bytes(data[offset:offset + size], "little") if offset + size <= len(data) else 0


def mutate(rng, original):
    """One to four mutations of `original`; returns the bytes and a description."""
    data = bytearray(original)
    done = []
    phoff, phnum = get(data, 32, 8), get(data, 56, 2)
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["header", "program", "program", "size", "bytes", "truncate", "segment-bytes"])
        if kind == "header":
            offset, size = rng.choice(HEADER_FIELDS)
            value = interesting(rng, size, get(data, offset, size))
            put(data, offset, size, value)
            done.append(f"header+{offset}={value:#x}")
        elif kind in ("program", "size") and phnum and phoff < len(data):
            index = rng.randrange(min(phnum, 16))
            offset, size = rng.choice(PROGRAM_FIELDS if kind == "program" else [(32, 8), (40, 8), (8, 8), (16, 8)])
            at = phoff + index * PROGRAM_HEADER + offset
            value = interesting(rng, size, get(data, at, size))
            put(data, at, size, value)
            done.append(f"phdr{index}+{offset}={value:#x}")
        elif kind == "bytes" and data:
            for _ in range(rng.randint(1, 16)):
                at = rng.randrange(min(len(data), rng.choice([ELF_HEADER + phnum * PROGRAM_HEADER + 64, len(data)])))
                data[at] = rng.randrange(256)
            done.append("random bytes")
        elif kind == "segment-bytes" and phnum and phoff < len(data):
            # A segment's file bytes overwritten with random words: garbage code or data.
            at = get(data, phoff + 8, 8)
            for _ in range(rng.randint(1, 32)):
                spot = at + rng.randrange(0x2000)
                put(data, spot - spot % 4, 4, rng.randrange(1 << 32))
            done.append("segment words")
        elif kind == "truncate":
            length = rng.choice([rng.randrange(ELF_HEADER + 1), rng.randrange(len(data) + 1),
                                 phoff + rng.randrange(phnum * PROGRAM_HEADER + 1) if phnum else 0])
            del data[length:]
            done.append(f"truncate {length}")
    return bytes(data), "; ".join(done) or "unchanged"


# Programs that arm timers (timerfd, setitimer) with values from their own data and then wait for
# them: a mutated value can disarm the timer or set it years ahead, and the guest then rightly waits
# for ever, as on Linux (seed 59 case 142305: eventfd-timerfd read a timer whose 30 ms had become 0).
TIMED_WAITERS = {"eventfd-timerfd", "timers", "whole-transfers"}


def seeds(directories):
    paths = []
    for directory in directories:
        if os.path.isdir(directory):
            for name in sorted(os.listdir(directory)):
                path = os.path.join(directory, name)
                if name not in TIMED_WAITERS and os.path.isfile(path) and open(path, "rb").read(4) == b"\x7fELF":
                    paths.append(path)
    return paths


def guest_chose(tinyrv, path, status, work):
    """True when the program's last syscall was exit/exit_group, so `status` is its own code."""
    trace = os.path.join(work, "trace.txt")
    common.run([tinyrv, "run", "--memory", "64M", "--max-instructions", str(BUDGET), "--trace", "syscalls",
                "--trace-file", trace, "--fs-root", work, path], timeout=TIMEOUT)
    lines = open(trace, errors="replace").read().splitlines() if os.path.exists(trace) else []
    return bool(lines) and lines[-1].startswith(("exit(", "exit_group("))


BUDGET = 2_000_000
TIMEOUT = 60


def fuzz(tinyrv, seed, deadline, work, seed_directories, first=0, count=None):
    report = common.Report("elf-mutation")
    originals = seeds(seed_directories)
    if not originals:
        raise SystemExit(f"fuzz: no guest ELF files in {', '.join(seed_directories)} (make guest)")
    cache = {}
    index = first
    while time.monotonic() < deadline and (count is None or index < first + count):
        rng = common.case_rng(seed, "elf", index)
        source = rng.choice(originals)
        original = cache.setdefault(source, open(source, "rb").read())
        data, description = mutate(rng, original)
        path = os.path.join(work, f"elf-{index}")
        with open(path, "wb") as f:
            f.write(data)
        os.chmod(path, 0o755)
        argv = [tinyrv, "run", "--memory", "64M", "--max-instructions", str(BUDGET), "--fs-root", work, path]
        result = common.run(argv, timeout=TIMEOUT)
        report.cases += 1
        report.count({126: "rejected", 124: "budget", 0: "exit 0"}.get(result.status,
                     "killed" if b"tinyrv: killed: " in result.stderr else "other exit"))
        problem = common.tinyrv_problem(result, lambda: guest_chose(tinyrv, path, result.status, work))
        if problem:
            kept = os.path.join(work, f"finding-elf-{index}")
            os.replace(path, kept)
            report.finding(index, f"{problem} [{os.path.basename(source)}: {description}]",
                           common.shell_command([*argv[:-1], kept]) +
                           f"   (or: scripts/fuzz/fuzz.py --only elf --seed {seed} --case {index})")
        elif count is None:
            os.unlink(path)
        index += 1
    return report
