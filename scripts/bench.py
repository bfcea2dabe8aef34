#!/usr/bin/env python3
"""Benchmark tinyrv side by side with qemu-riscv64 and native code (`make bench`).

For each program of guest/build/bench (static rv64gc) with its host build in guest/build/bench/native, run
it natively, under qemu-riscv64 and under `TINYRV run --stats`, interleaved, --runs times each. Every run's
stdout must equal the native output and every exit status must be 0, or that figure is reported as an error.
Prints a table of median wall times, tinyrv's MIPS (instructions retired, from its --stats report on stderr,
divided by the median wall time) and tinyrv's speed relative to qemu-riscv64 and native (their time divided by
tinyrv's, as a percentage). Exits 0 if every figure was measured and verified, 1 otherwise, 2 on usage errors.

Standard library only: runs with the system python3.
"""

import argparse
import datetime
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

BENCH_DIR = "guest/build/bench"

# Patterns for the instruction count in tinyrv's --stats output, tried in order. Tolerant of
# "instructions: 123", "instructions retired: 1,234,567", "instret = 123", "123456 instructions".
INSTRUCTION_PATTERNS = [
    re.compile(r"instr(?:uctions)?(?:[ _-]retired)?\s*[:=]?\s*([\d][\d,_]*)", re.IGNORECASE),
    re.compile(r"instret\s*[:=]?\s*([\d][\d,_]*)", re.IGNORECASE),
    re.compile(r"([\d][\d,_]*)\s+instructions", re.IGNORECASE),
]
MIPS_PATTERNS = [
    re.compile(r"MIPS\s*[:=]?\s*([\d]+(?:\.\d+)?)", re.IGNORECASE),
    re.compile(r"([\d]+(?:\.\d+)?)\s*MIPS", re.IGNORECASE),
]


def parse_instructions(stderr):
    """The instruction count reported by `tinyrv run --stats`, or None if no line looks like one."""
    for pattern in INSTRUCTION_PATTERNS:
        match = pattern.search(stderr)
        if match:
            digits = re.sub(r"[,_]", "", match.group(1))
            if digits.isdigit():
                return int(digits)
    return None


def parse_mips(stderr):
    """tinyrv's own MIPS figure, or None."""
    for pattern in MIPS_PATTERNS:
        match = pattern.search(stderr)
        if match:
            return float(match.group(1))
    return None


class Column:
    """The runs of one benchmark on one engine (native, qemu or tinyrv)."""

    def __init__(self, name, command):
        self.name = name
        self.command = command
        self.times = []
        self.instructions = []
        self.reported_mips = []
        self.error = None

    def median(self):
        return statistics.median(self.times) if self.times and self.error is None else None


def run_once(command, timeout):
    """Runs command; returns (seconds, status, stdout, stderr). A timeout is status None."""
    start = time.perf_counter()
    try:
        completed = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, None, b"", b""
    return time.perf_counter() - start, completed.returncode, completed.stdout, completed.stderr


def measure(column, expected, timeout):
    """One run of column; checks it against the expected stdout (None: this run defines it)."""
    if column.error is not None:
        return expected
    seconds, status, stdout, stderr = run_once(column.command, timeout)
    text = stderr.decode(errors="replace")
    if status is None:
        column.error = f"timed out after {timeout} s"
    elif status != 0:
        first_line = text.strip().splitlines()[-1] if text.strip() else ""
        column.error = f"exit status {status}" + (f" ({first_line})" if first_line else "")
    elif expected is not None and stdout != expected:
        got = stdout.decode(errors="replace").strip().splitlines()
        column.error = f"wrong output: {got[-1] if got else '(empty)'}"
    else:
        column.times.append(seconds)
        if column.name == "tinyrv":
            count = parse_instructions(text)
            if count is not None:
                column.instructions.append(count)
            mips = parse_mips(text)
            if mips is not None:
                column.reported_mips.append(mips)
        return stdout if expected is None else expected
    return expected


def static_commands(name, args, options):
    """The native, qemu and tinyrv commands of one program of the benchmark directory."""
    guest = os.path.join(options.bench_dir, name)
    return ([os.path.join(options.bench_dir, "native", name)] + args, [options.qemu, guest] + args,
            [options.tinyrv, "run", "--stats", guest] + args)


def dynamic_benchmarks(options):
    """With --sysroot: Debian's python3 on a CPU-bound script (compute.py 20), and a dynamic hello's start-up, each run
    through the sysroot (qemu-riscv64 -L, tinyrv run --sysroot) next to the host's own build."""
    sysroot, directory = options.sysroot, os.path.join(options.bench_dir, "dynamic")
    script = os.path.join("guest", "debian", "data", "compute.py")
    hello = os.path.join(directory, "hello")
    return [
        ("python3 (Debian, dynamic)", ["python3", script, "20"],
         [options.qemu, "-L", sysroot, os.path.join(sysroot, "usr/bin/python3"), script, "20"],
         [options.tinyrv, "run", "--stats", "--stack-pages", "2048", "--sysroot", sysroot,
          os.path.join(sysroot, "usr/bin/python3"), script, "20"]),
        ("hello (dynamic start-up)", [os.path.join(directory, "native", "hello")],
         [options.qemu, "-L", sysroot, hello], [options.tinyrv, "run", "--stats", "--sysroot", sysroot, hello]),
    ]


def benchmark(name, commands, options):
    """Runs one benchmark on every engine, interleaved; returns its columns and the expected output."""
    native, qemu, tinyrv = commands
    columns = [Column("native", native)]
    if not options.no_qemu:
        columns.append(Column("qemu", qemu))
    if options.tinyrv:
        columns.append(Column("tinyrv", tinyrv))
    expected = None
    for run in range(options.runs):
        for column in columns:
            before = expected
            expected = measure(column, expected, options.timeout)
            if column.name == "native" and before is None and expected is None:
                # Without a verified native output nothing else can be checked.
                for other in columns[1:]:
                    other.error = "no reference output (native run failed)"
                return columns, None
        print(f"  {name}: run {run + 1}/{options.runs} done", file=sys.stderr)
    return columns, expected


def percent(numerator, denominator):
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return 100.0 * numerator / denominator


def format_seconds(value):
    return "-" if value is None else f"{value:.3f}"


def format_percent(value):
    if value is None:
        return "-"
    return f"{value:.1f}%" if value >= 10 else f"{value:.2f}%"


def format_mips(value):
    return "-" if value is None else f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def row_for(name, columns):
    by_name = {column.name: column for column in columns}

    def seconds(engine):
        column = by_name.get(engine)
        if column is None:
            return "n/a"
        return "error" if column.error else format_seconds(column.median())

    native = by_name["native"].median()
    qemu = by_name["qemu"].median() if "qemu" in by_name else None
    tinyrv_column = by_name.get("tinyrv")
    tinyrv = tinyrv_column.median() if tinyrv_column else None
    mips = None
    if tinyrv is not None and tinyrv_column.instructions:
        mips = statistics.median(tinyrv_column.instructions) / tinyrv / 1e6
    elif tinyrv is not None and tinyrv_column.reported_mips:
        mips = statistics.median(tinyrv_column.reported_mips)
    versus_qemu = percent(qemu, tinyrv)
    versus_native = percent(native, tinyrv)
    cells = [name, seconds("native"), seconds("qemu"), seconds("tinyrv"), format_mips(mips),
             format_percent(versus_qemu), format_percent(versus_native)]
    return cells, versus_qemu, versus_native


def geometric_mean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


HEADER = ["benchmark", "native s", "qemu s", "tinyrv s", "tinyrv MIPS", "tinyrv vs qemu", "tinyrv vs native"]


def text_table(rows):
    widths = [max(len(row[i]) for row in [HEADER] + rows) for i in range(len(HEADER))]
    lines = []
    for row in [HEADER] + rows:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(widths[i]) for i, cell in enumerate(row) if i > 0]
        lines.append("  ".join(cells))
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(rows):
    lines = ["| " + " | ".join(HEADER) + " |", "| --- |" + " ---: |" * (len(HEADER) - 1)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def discover(bench_dir):
    names = []
    for entry in sorted(os.listdir(bench_dir)):
        path = os.path.join(bench_dir, entry)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            names.append(entry)
    return names


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tinyrv", metavar="PATH", help="tinyrv executable (a release build); omit to skip tinyrv")
    parser.add_argument("--runs", type=int, default=5, help="runs per engine; the median is reported (default 5)")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only this benchmark (repeat, or separate names with commas)")
    parser.add_argument("--markdown", metavar="PATH", help="also write the table as markdown to PATH")
    parser.add_argument("--scale", metavar="X", help="pass X as the benchmarks' SCALE argument (default: none)")
    parser.add_argument("--bench-dir", default=BENCH_DIR, help=f"benchmark directory (default {BENCH_DIR})")
    parser.add_argument("--qemu", default="qemu-riscv64", help="qemu-user executable (default qemu-riscv64)")
    parser.add_argument("--no-qemu", action="store_true", help="skip qemu-riscv64")
    parser.add_argument("--sysroot", metavar="DIR",
                        help="also run the dynamic benchmarks through this Debian sysroot (make guest-debian)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run before it fails (default 600)")
    options = parser.parse_args(argv)
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    if options.tinyrv:
        found = shutil.which(options.tinyrv)
        if found is None:
            parser.error(f"{options.tinyrv} is not an executable")
        options.tinyrv = found if os.sep not in options.tinyrv else options.tinyrv
    if not options.no_qemu and shutil.which(options.qemu) is None:
        parser.error(f"{options.qemu} not found (apt-get install qemu-user, or --no-qemu)")
    if options.sysroot and not os.path.isdir(options.sysroot):
        parser.error(f"{options.sysroot} does not exist: run `make guest-debian` first")
    if not os.path.isdir(options.bench_dir):
        parser.error(f"{options.bench_dir} does not exist: run `make guest-bench` first")
    return options, parser


def hot_loop_placement_note(tinyrv):
    """A note when the fast loop is not where Package.swift pins it (0xe0 into a page): its place
    alone moves the hash benchmark by up to 45%, so such MIPS are not comparable."""
    listing = subprocess.run(["nm", tinyrv], capture_output=True, text=True).stdout
    found = [int(line.split()[0], 16) for line in listing.splitlines() if "runFast" in line and len(line.split()) == 3]
    if not found:
        return f"no runFast symbol in {tinyrv}: cannot check the hot loop placement"
    if found[0] % 4096 != 0xe0:
        return (f"the fast loop is at {found[0]:#x}, not 0xe0 into a page (Package.swift, hot loop "
                "placement): these MIPS are not comparable with other builds")
    return None


def main(argv):
    options, parser = parse_arguments(argv)
    names = discover(options.bench_dir)
    if options.only:
        wanted = [name for item in options.only for name in item.split(",") if name]
        unknown = [name for name in wanted if name not in names]
        if unknown:
            parser.error(f"unknown benchmark(s) {', '.join(unknown)}; have {', '.join(names)}")
        names = [name for name in names if name in wanted]
    if not names:
        parser.error(f"no benchmarks in {options.bench_dir}")
    missing = [name for name in names if not os.access(os.path.join(options.bench_dir, "native", name), os.X_OK)]
    if missing:
        parser.error(f"no native build of {', '.join(missing)} in {options.bench_dir}/native")
    args = [options.scale] if options.scale else []

    rows, errors, notes, qemu_ratios, native_ratios, outputs = [], [], [], [], [], []
    placement = hot_loop_placement_note(options.tinyrv) if options.tinyrv else None
    if placement:
        notes.append(placement)
    benchmarks = [(name, static_commands(name, args, options)) for name in names]
    if options.sysroot:
        benchmarks += [(name, commands) for name, *commands in dynamic_benchmarks(options)]
    for name, commands in benchmarks:
        print(f"{name}:", file=sys.stderr)
        columns, expected = benchmark(name, commands, options)
        cells, versus_qemu, versus_native = row_for(name, columns)
        rows.append(cells)
        qemu_ratios.append(versus_qemu)
        native_ratios.append(versus_native)
        errors += [f"{name} under {column.name}: {column.error}" for column in columns if column.error]
        tinyrv = next((column for column in columns if column.name == "tinyrv"), None)
        if tinyrv is not None and tinyrv.median() is not None and not tinyrv.instructions:
            notes.append(f"{name}: no instruction count in tinyrv's --stats output; MIPS "
                         + ("from tinyrv's own report" if tinyrv.reported_mips else "not computed"))
        if expected is not None:
            outputs.append(f"{name}: {expected.decode(errors='replace').strip().splitlines()[-1]}")
    if len(benchmarks) > 1 and options.tinyrv:
        rows.append(["geometric mean", "", "", "", "", format_percent(geometric_mean(qemu_ratios)),
                     format_percent(geometric_mean(native_ratios))])

    print()
    print(text_table(rows))
    print()
    print(f"median of {options.runs} run(s) each; 'tinyrv vs X' is X's time / tinyrv's time (100% = as fast as X)")
    for line in outputs:
        print(f"verified  {line}")
    for line in notes:
        print(f"note      {line}")
    for line in errors:
        print(f"ERROR     {line}")

    if options.markdown:
        stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
        with open(options.markdown, "w") as markdown:
            markdown.write(f"Measured {stamp} on {cpu_model()} ({os.cpu_count()} CPUs), median of {options.runs} "
                           f"run(s), with `scripts/bench.py {' '.join(argv)}`.\n\n")
            markdown.write(markdown_table(rows) + "\n\n")
            markdown.write("`tinyrv vs X` is X's wall time divided by tinyrv's (100% = as fast as X). MIPS is "
                           "instructions retired (tinyrv `--stats`) per second of tinyrv wall time.\n")
            for line in notes:
                markdown.write(f"\n- note: {line}")
            for line in errors:
                markdown.write(f"\n- error: {line}")
            if errors or notes:
                markdown.write("\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
