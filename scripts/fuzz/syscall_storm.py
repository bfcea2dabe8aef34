"""Syscall fuzzer: batches of random syscalls with wild arguments, made by a small guest
(syscall_runner.c) under --fs-root, with and without --fs-write. Around the root are canary files
(and stdin is the script file, outside the root, read-only: open read-write, the guest's stream
writes to it would be legitimate changes); after every batch nothing outside the root may have
changed, and without --fs-write nothing inside it either."""
import hashlib
import os
import shutil
import struct
import subprocess
import time

import common

BATCH = 200
BUDGET = 5_000_000
TIMEOUT = 120
HERE = os.path.dirname(os.path.abspath(__file__))

PATHS = ["file.txt", "sub/inner.txt", "sub", ".", "..", "../outside.txt", "../outside-dir/inner.txt", "/",
         "/file.txt", "/../outside.txt", "escape", "abs-escape", "dir-escape", "dir-escape/outside.txt",
         "inside-link", "sub/../../outside.txt", "/proc/self/exe", "/proc/self/fd/0", "/proc/self/cwd",
         "/dev/null", "/dev/zero", "/dev/tty", "/etc/passwd", "new.txt", "sub/new", "newdir", "newdir/x",
         "x" * 300, "a/" * 2100, "", "file.txt/", "sub/", "//file.txt", "./././file.txt", "empty"]
SIGNATURES = {
    17: "wbuf len", 23: "fd", 24: "fd fd oflags", 25: "fd fcntl any", 29: "fd ioctl wbuf", 34: "dirfd path mode",
    35: "dirfd path atflags", 46: "fd len", 48: "dirfd path mode", 49: "path", 50: "fd",
    56: "dirfd path oflags mode", 57: "fd", 61: "fd wbuf len", 62: "fd len whence", 63: "fd wbuf len",
    64: "fd rbuf len", 65: "fd wiov count", 66: "fd riov count", 67: "fd wbuf len len", 68: "fd rbuf len len",
    71: "fd fd wbuf len", 73: "pollfds count shorttime zero eight", 78: "dirfd path wbuf len",
    79: "dirfd path wbuf atflags", 80: "fd wbuf", 82: "fd", 88: "dirfd path times atflags",
    96: "wbuf", 98: "wbuf futex any shorttime rbuf any", 99: "rbuf len", 101: "shorttime wbuf", 113: "clock wbuf",
    114: "clock wbuf", 115: "sleepclock timerflags shorttime wbuf", 123: "pid len wbuf", 124: "",
    129: "self signal", 132: "rbuf wbuf", 134: "signal rbuf wbuf eight", 135: "how rbuf wbuf eight",
    158: "len wbuf", 160: "wbuf", 165: "who wbuf", 166: "mode", 167: "prctl any any any any",
    169: "wbuf wbuf", 172: "", 173: "", 174: "", 175: "", 176: "", 177: "", 178: "", 179: "wbuf",
    214: "addr", 215: "addr len", 216: "addr len len mremap addr", 222: "addr len prot mmap fd len",
    226: "addr len prot", 227: "addr len any", 233: "addr len any", 258: "wbuf len any wbuf any", 260: "pid wbuf any wbuf",
    261: "pid resource rbuf wbuf", 278: "wbuf len any", 293: "wbuf len any any", 439: "dirfd path mode atflags",
    2000: "len", 2001: "wbuf",
    69: "fd wiov count len", 70: "fd riov count len", 286: "fd wiov count len zero any", 287: "fd riov count len zero any",
    45: "path len", 36: "path dirfd path", 37: "dirfd path dirfd path atflags", 276: "dirfd path dirfd path any",
    52: "fd mode", 53: "dirfd path mode atflags", 54: "dirfd path any any atflags", 55: "fd any any",
    43: "path wbuf", 44: "fd wbuf", 47: "fd any len len", 291: "dirfd path atflags any wbuf",
    198: "any any any", 199: "any any any wbuf", 206: "fd rbuf len any any any", 207: "fd wbuf len any wbuf wbuf",
    208: "fd any any rbuf len", 209: "fd any any wbuf wbuf", 210: "fd any", 204: "fd wbuf wbuf", 205: "fd wbuf wbuf",
    211: "fd rbuf any", 212: "fd wbuf any", 20: "any", 21: "fd any fd rbuf", 22: "fd wbuf len shortms zero zero",
    441: "fd wbuf len shorttime zero zero",
    72: "fdcount wbuf wbuf wbuf shorttime zero", 137: "rbuf wbuf shorttime eight", 32: "fd flockop",
    436: "fd fd any", 153: "wbuf", 140: "any pid any", 141: "any pid", 223: "fd len len any", 19: "len any", 85: "clock nonblock", 86: "fd any timerspec wbuf", 87: "fd wbuf",
    148: "wbuf wbuf wbuf", 150: "wbuf wbuf wbuf", 146: "any", 144: "any", 145: "any any", 143: "any any",
    147: "any any any", 149: "any any any", 151: "any", 152: "any", 159: "len rbuf", 90: "rbuf wbuf", 91: "rbuf rbuf",
    119: "pid any rbuf", 118: "pid rbuf", 120: "pid", 121: "pid wbuf", 125: "any", 126: "any", 168: "wbuf wbuf any",
    92: "any", 228: "addr len", 229: "addr len", 284: "addr len any", 230: "any", 231: "",
    5: "path path rbuf len any", 6: "path path rbuf len any", 7: "fd path rbuf len any", 8: "path path wbuf len",
    9: "path path wbuf len", 10: "fd path wbuf len", 11: "path wbuf len", 12: "path wbuf len", 13: "fd wbuf len",
    14: "path path", 15: "path path", 16: "fd path", 33: "dirfd path nodemode any",
    138: "self signal rbuf", 240: "self self signal rbuf",
}
RARE = {129: 0.05, 138: 0.05, 240: 0.05}
# Not called: rt_sigreturn (139), which with no signal frame jumps to whatever the stack holds and
# ends the batch, as on Linux. mknodat makes no FIFOs (see "nodemode", never replaced by a wild
# value: seed 60 case 9421 made one and opened it for writing), descriptors stay non-blocking
# (keep_nonblocking). Calls that may wait (pselect6, rt_sigtimedwait, flock, ...) have
# shapes that keep the wait short: a guest that asks to wait for years rightly waits.


class Script:
    """A batch being written: records, then data at the end, all at known guest addresses."""

    def __init__(self, base, count):
        self.base, self.count = base, count
        self.records = []
        self.data = bytearray()

    def put(self, blob):
        """Data in the script; returns its guest address."""
        while len(self.data) % 8:
            self.data.append(0)
        address = self.base + 8 + self.count * 56 + len(self.data)
        self.data += blob
        return address

    def bytes(self):
        head = struct.pack("<Q", len(self.records))
        return head + b"".join(struct.pack("<7Q", *r) for r in self.records) + bytes(self.data)


def u64(v):
    return v & (1 << 64) - 1


def argument(rng, shape, script, scratch):
    wild = [0, 1, u64(-1), 0x10000, 0x3F_FFFF_F000 - 8, 0x40_0000_0000, 0x8000_0000_0000_0000, rng.getrandbits(64),
            scratch + 65536 - rng.randrange(1, 64), 0x3F_FFFF_E000]
    # A wild timeout could name a time centuries ahead, and the guest would rightly sleep.
    # (Nor may a sleep use a CPU-time clock, which never advances while the only thread sleeps.)
    if rng.random() < 0.08 and shape not in ("shorttime", "shortms", "self", "sleepclock", "nonblock", "timerspec", "flockop",
                                             "nodemode"):
        return rng.choice(wild)
    if shape == "fd":
        return u64(rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 3, 4, -1, 1023, 1024, 1 << 32 | 3, -100]))
    if shape == "dirfd":
        return u64(rng.choice([-100, -100, -100, 3, 4, 5, 0, 1, -1, 99]))
    if shape == "path":
        path = rng.choice(PATHS) if rng.random() < 0.9 else bytes(rng.getrandbits(8) for _ in range(rng.randrange(40))).decode("latin-1")
        return script.put(path.encode("latin-1", "replace")[:9000] + b"\0")
    if shape in ("wbuf",):
        return rng.choice([scratch + rng.randrange(0, 60000), scratch, scratch + 65536 - 16, 0x10000, 0])
    if shape == "rbuf":
        return script.put(bytes(rng.getrandbits(8) for _ in range(rng.choice([8, 24, 64, 256]))))
    if shape == "len":
        return u64(rng.choice([0, 1, 5, 16, 64, 256, 4096, 65536, 1 << 20, 1 << 31, 1 << 32, 1 << 63, -1, -4096,
                                rng.randrange(1 << 16)]))
    if shape == "count":
        return rng.choice([0, 1, 2, 3, 8, 1024, 1025, 1 << 32 | 1])
    if shape in ("wiov", "riov"):
        entries = b"".join(struct.pack("<QQ", rng.choice([scratch + rng.randrange(60000), 0, 0x10000]),
                                       rng.choice([0, 1, 16, 4096, 1 << 31, 1 << 63])) for _ in range(rng.randint(1, 4)))
        return script.put(entries)
    if shape == "pollfds":
        return script.put(b"".join(struct.pack("<ihh", rng.choice([0, 1, 2, 3, 4, -1, 900]), rng.choice([1, 4, 5, 0x7fff]), 0)
                                   for _ in range(rng.randint(0, 4))))
    if shape == "shorttime":
        return script.put(struct.pack("<qq", 0, rng.choice([0, 1, 1000, 999_999, 2_000_000, 1_000_000_000, -1])))
    if shape == "times":
        return rng.choice([0, script.put(struct.pack("<qqqq", rng.getrandbits(40), rng.choice([0, (1 << 30) - 1, (1 << 30) - 2, 5]),
                                                     -rng.getrandbits(40), rng.randrange(1_000_000_001)))])
    if shape == "oflags":
        return rng.choice([0, 1, 2, 0o100 | 1, 0o100 | 0o200 | 2, 0o1000 | 1, 0o2000 | 1, 0o200000, 0o20200000,
                           0o10000000, 0o20000000 | 2, rng.getrandbits(24)])
    if shape == "atflags":
        return rng.choice([0, 0x100, 0x200, 0x1000, 0x800, rng.getrandbits(16)])
    if shape == "mode":
        return rng.choice([0, 0o644, 0o777, 0o7777, 7, 2, 4, rng.getrandbits(16)])
    if shape == "nodemode":
        # No FIFOs: a blocking open of one waits for the other end, rightly, for ever.
        return rng.choice([0, 0o100644, 0o020600, 0o060600, 0o140600, 0o040700, 0o170600, rng.getrandbits(12)])
    if shape == "whence":
        return rng.choice([0, 1, 2, 3, 4, 5, 1 << 40])
    if shape == "addr":
        return rng.choice([0, 0x20_0000_0000 + rng.randrange(1 << 20) * 4096, 0x30_0000_0000, rng.getrandbits(39) & ~0xfff,
                           scratch if rng.random() < 0.05 else 0x21_0000_0000, 0x3F_FFFF_0000])
    if shape == "prot":
        return rng.choice([0, 1, 3, 5, 7, 8, rng.getrandbits(8)])
    if shape == "mmap":
        return rng.choice([0x22, 0x21, 0x12, 0x32, 0x02, 0x01, 0x10 | 0x22, 0x100000 | 0x22, rng.getrandbits(24)])
    if shape == "mremap":
        return rng.choice([0, 1, 3, 4, 7])
    if shape == "signal":
        return rng.choice([0, 1, 10, 13, 15, 17, 28, 9, 19, 64, 65, u64(-1), 34])
    if shape == "self":
        return 100
    if shape == "how":
        return rng.choice([0, 1, 2, 3, u64(-1)])
    if shape == "clock":
        return rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 11, 100, u64(-1)])
    if shape == "sleepclock":
        return u64(rng.choice([0, 1, 4, 5, 6, 7, 8, 9, 11, 100, -1, -6]))
    if shape == "timerflags":
        return rng.choice([0, 1, 2])
    if shape == "fcntl":
        return rng.choice([0, 1, 2, 3, 4, 1030, 1024, 5, 6, 7, u64(-1)])
    if shape == "ioctl":
        return rng.choice([0x5401, 0x5413, 0x5402, 0x541B, rng.getrandbits(32)])
    if shape == "futex":
        return rng.choice([0, 1, 128, 129, 256, 9, 5])
    if shape == "prctl":
        return rng.choice([15, 16, 4, 3, 38, 1, 0, rng.getrandbits(8)])
    if shape == "pid":
        return u64(rng.choice([0, 100, 101, -1, 1]))
    if shape == "who":
        return u64(rng.choice([0, -1, 1, 2]))
    if shape == "resource":
        return rng.choice([0, 3, 7, 15, 16, 100])
    if shape == "zero":
        return 0
    if shape == "shortms":
        return rng.choice([0, 1, 5])
    # A timer descriptor that blocked a read until a far or disarmed expiry would rightly hang the
    # guest, as on Linux: timers are made non-blocking and set to short times.
    if shape == "fdcount":
        return rng.choice([0, 1, 4, 8, 64, 1024, 1025])
    # A blocking flock of a file the guest itself holds locked through another open file would
    # rightly wait for ever: every lock asks LOCK_NB.
    if shape == "flockop":
        return rng.choice([1 | 4, 2 | 4, 8, 8 | 4, 4, 0x40 | 4])
    if shape == "nonblock":
        return rng.choice([0o4000, 0o4000 | 0o2000000])
    if shape == "timerspec":
        return script.put(struct.pack("<qqqq", 0, rng.choice([0, 1000, 2_000_000]), 0, rng.choice([0, 1, 1_000_000, -1, 2_000_000_000])))
    if shape == "eight":
        return rng.choice([8, 8, 8, 16, 0])
    return rng.choice([0, 1, rng.getrandbits(64), rng.getrandbits(16)])


def keep_nonblocking(number, args):
    """Descriptors stay non-blocking: fcntl(F_SETFL) keeps O_NONBLOCK and ioctl(FIONBIO) becomes
    FIONREAD, since a read of a disarmed timer made blocking rightly waits for ever, as on Linux
    (seed 60 syscalls case 155)."""
    if number == 25 and args[1] == 4:
        args[2] |= 0x800
    if number == 29 and args[1] == 0x5421:
        args[1] = 0x541B


def make_script(rng, base, scratch):
    script = Script(base, BATCH)
    numbers = list(SIGNATURES)
    for _ in range(BATCH):
        if rng.random() < 0.03:
            number = rng.choice([rng.randrange(500), rng.getrandbits(64), 1000 + rng.randrange(2000)])
            if number in (93, 94) or number in SIGNATURES:
                number = 124
            shapes = ["any"] * 6
        else:
            number = rng.choice(numbers)
            if number in RARE and rng.random() > RARE[number]:
                number = 172
            shapes = SIGNATURES[number].split()
        args = [argument(rng, s, script, scratch) for s in shapes] + [0] * (6 - len(shapes))
        keep_nonblocking(number, args)
        script.records.append((u64(number), *[u64(a) for a in args[:6]]))
    return script.bytes()


def build_tree(base):
    """base/root (the sandbox) with files, a directory and symlinks that point out; canaries around it."""
    if os.path.exists(base):
        shutil.rmtree(base)
    root = os.path.join(base, "root")
    os.makedirs(os.path.join(root, "sub"))
    os.makedirs(os.path.join(base, "outside-dir"))
    for path, text in [(os.path.join(base, "outside.txt"), "canary\n"),
                       (os.path.join(base, "outside-dir", "inner.txt"), "canary inner\n"),
                       (os.path.join(root, "file.txt"), "hello\n"), (os.path.join(root, "sub", "inner.txt"), "inner\n"),
                       (os.path.join(root, "empty"), "")]:
        with open(path, "w") as f:
            f.write(text)
    os.symlink("../outside.txt", os.path.join(root, "escape"))
    os.symlink(os.path.join(base, "outside.txt"), os.path.join(root, "abs-escape"))
    os.symlink("..", os.path.join(root, "dir-escape"))
    os.symlink("sub/inner.txt", os.path.join(root, "inside-link"))
    return root


def snapshot(top, skip=None):
    """Every entry under `top` (except `skip`): type, mode, size, mtime and content hash."""
    state = {}
    for directory, names, files in os.walk(top, followlinks=False):
        if skip and os.path.abspath(directory) == skip:
            names[:] = []
            continue
        names[:] = [n for n in names if not skip or os.path.join(directory, n) != skip]
        for name in names + files + ["."]:
            path = os.path.join(directory, name)
            info = os.lstat(path)
            digest = ""
            if os.path.islink(path):
                digest = os.readlink(path)
            elif os.path.isfile(path):
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read(1 << 20)).hexdigest()  # (size and mtime cover the rest)
            state[os.path.relpath(path, top)] = (info.st_mode, info.st_size, info.st_mtime_ns, info.st_uid, digest)
    return state


def stream_neutral(state):
    """`state` with only the mode and owner of script.bin: it is the guest's stdin, open read-write, which
    the guest may read, seek and write as a stream (changing its bytes, size and time), as under Linux,
    but never re-mode or re-own (truncating it is checked by the inherited-stream tests)."""
    mode, _, _, uid, _ = state["script.bin"]
    return dict(state, **{"script.bin": (mode, uid)})


def difference(before, after):
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    return ", ".join(changed[:8])


def symbols(program):
    out = subprocess.run([common.CROSS + "nm", program], capture_output=True, text=True, check=True).stdout
    table = {line.split()[2]: int(line.split()[0], 16) for line in out.splitlines() if len(line.split()) == 3}
    return table["script"], table["scratch"]


def fuzz(tinyrv, seed, deadline, work, first=0, count=None):
    report = common.Report("syscalls")
    runner = os.path.join(work, "syscall-runner")
    common.compile_guest(os.path.join(HERE, "syscall_runner.c"), runner,
                         ["-march=rv64imac", "-mabi=lp64", "-nostdlib", "-static", "-ffreestanding", "-fno-builtin",
                          "-O2", "-Wl,--build-id=none"])
    script_address, scratch_address = symbols(runner)
    base = os.path.join(work, "sandbox")
    index = first
    while time.monotonic() < deadline and (count is None or index < first + count):
        rng = common.case_rng(seed, "syscalls", index)
        root = build_tree(base)
        stdin = os.path.join(base, "script.bin")
        with open(stdin, "wb") as f:
            f.write(make_script(rng, script_address, scratch_address))
        writes = rng.random() < 0.5
        outside_before = stream_neutral(snapshot(base, skip=os.path.abspath(root)))
        inside_before = snapshot(root)
        argv = [tinyrv, "run", "--max-instructions", str(BUDGET), "--memory", "256M", "--fs-root", root]
        argv += ["--fs-write"] if writes else []
        argv.append(runner)
        result = common.run(argv, timeout=TIMEOUT, stdin=stdin)
        report.cases += 1
        report.count(f"{'fs-write' if writes else 'read-only'} {'exit 0' if result.status == 0 else 'killed' if b'tinyrv: killed' in result.stderr else 'other'}")
        problems = []
        problem = common.tinyrv_problem(result)
        if problem:
            problems.append(problem)
        outside_after = stream_neutral(snapshot(base, skip=os.path.abspath(root)))
        if outside_after != outside_before:
            problems.append("changed outside the root: " + difference(outside_before, outside_after))
        if not writes:
            inside_after = snapshot(root)
            if inside_after != inside_before:
                problems.append("changed inside the root without --fs-write: " + difference(inside_before, inside_after))
        if problems:
            kept = os.path.join(work, f"finding-syscalls-{index}.bin")
            shutil.copy(stdin, kept)
            report.finding(index, "; ".join(problems),
                           f"(rebuild the tree: scripts/fuzz/fuzz.py --only syscalls --seed {seed} --case {index}) "
                           + common.shell_command(argv, stdin=kept))
        index += 1
    if count != 1:
        shutil.rmtree(base, ignore_errors=True)
    return report
