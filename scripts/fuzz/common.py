"""What the tinyrv fuzzers share: running tinyrv under a timeout, deciding what is a finding, and
reporting each finding with a command that reproduces it.

A finding is one of:
- tinyrv itself died by a signal (a host crash, e.g. a Swift trap);
- tinyrv ran past its wall-clock timeout although the guest had an instruction budget (a hang);
- status 125 (tinyrv's own failure) where the options were valid;
- a kill status (128 + n, or 132-139) whose stderr has no `tinyrv: killed:` line, when the guest did
  not choose that status itself through exit/exit_group;
- (syscall fuzzer) any change outside the --fs-root directory.
"""
import os
import random
import shlex
import subprocess
import sys
import time
import zlib

CROSS = os.environ.get("CROSS", "riscv64-linux-gnu-")
QEMU = "qemu-riscv64"


def case_rng(seed, fuzzer, index):
    """The random generator of case `index` of `fuzzer` under `seed`: the same case on every machine."""
    return random.Random(zlib.crc32(f"{seed}/{fuzzer}/{index}".encode()))


class Run:
    """How one process ended: status (128 + n when it died by signal n, as a shell shows it),
    `signal` (n or 0), stdout and stderr bytes, and whether the timeout killed it."""

    def __init__(self, status, signal, stdout, stderr, timed_out, seconds):
        self.status, self.signal = status, signal
        self.stdout, self.stderr = stdout, stderr
        self.timed_out, self.seconds = timed_out, seconds


def run(argv, timeout, stdin=None, cwd=None):
    """Runs argv with stdin from the path `stdin` (else /dev/null), capturing stdout and stderr."""
    start = time.monotonic()
    with open(stdin or os.devnull, "rb") as input_file:
        process = subprocess.Popen(argv, stdin=input_file, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   cwd=cwd, start_new_session=True)
        try:
            out, err = process.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            out, err = process.communicate()
            timed_out = True
    code = process.returncode
    signal = -code if code < 0 else 0
    status = 128 + signal if signal else code
    return Run(status, signal, out, err, timed_out, time.monotonic() - start)


KILL_STATUSES = set(range(129, 193))


def tinyrv_problem(result, chose_status=lambda: False):
    """The finding in one tinyrv run, as a short text, or None. `chose_status` tells whether the
    guest itself exited with that status (asked only for a kill status without its line)."""
    if result.timed_out:
        return "hang: still running at the timeout despite --max-instructions"
    if result.signal:
        return f"tinyrv died by signal {result.signal}: {tail(result.stderr)}"
    if result.status == 125:
        return f"status 125 (tinyrv's own failure): {tail(result.stderr)}"
    if result.status in KILL_STATUSES and b"tinyrv: killed: " not in result.stderr and not chose_status():
        return f"status {result.status} without a 'tinyrv: killed:' line: {tail(result.stderr)}"
    return None


def tail(data, limit=300):
    text = data.decode("utf-8", "replace").strip().splitlines()
    return (text[-1] if text else "(no stderr)")[:limit]


class Report:
    """Counts cases and findings of one fuzzer, and prints each finding with its reproduction."""

    def __init__(self, name):
        self.name, self.cases, self.findings = name, 0, []
        self.counts = {}

    def count(self, key):
        self.counts[key] = self.counts.get(key, 0) + 1

    def finding(self, index, problem, reproduce):
        self.findings.append((index, problem, reproduce))
        print(f"FINDING {self.name} case {index}: {problem}\n  reproduce: {reproduce}", flush=True)

    def summary(self):
        details = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        return f"{self.name}: {self.cases} cases ({details}), {len(self.findings)} findings"


def shell_command(argv, stdin=None):
    line = " ".join(shlex.quote(a) for a in argv)
    return f"{line} < {shlex.quote(stdin)}" if stdin else line


def check_tools(*tools):
    for tool in tools:
        if subprocess.run(["sh", "-c", f"command -v {shlex.quote(tool)}"], stdout=subprocess.DEVNULL).returncode != 0:
            sys.exit(f"fuzz: {tool} is not installed (make deps)")


def compile_guest(source_path, output, flags):
    """Builds a guest program with the cross compiler; raises with the compiler's message on failure."""
    result = subprocess.run([CROSS + "gcc", *flags, source_path, "-o", output], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{CROSS}gcc failed on {source_path}: {result.stderr.strip()[:2000]}")
