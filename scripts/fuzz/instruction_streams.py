"""Instruction-stream fuzzer: random programs in user mode (hosted) and bare mode, each run by
tinyrv's fast loop and by its precise loop (`--trace instructions --trace-file /dev/null` selects
it), which must end the same way with the same output; user-mode programs made only of valid
instructions with forward control flow also run under qemu-riscv64, and when both exit cleanly
their register dumps must be equal.

Each program sets every register to a random value, runs its body, then dumps x1-x30, f0-f31 and
fcsr: in user mode as 520 bytes on stdout, in bare mode as hex lines through the HTIF console."""
import os
import time

import common

BUDGET = 200_000
TIMEOUT = 60
BASE = 27  # s11: the scratch memory base; no instruction writes it.
INT_REGS = [r for r in range(32) if r != BASE]

R_OPS = ["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and", "addw", "subw", "sllw", "srlw",
         "sraw", "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu", "mulw", "divw", "divuw", "remw",
         "remuw"]
I_OPS = ["addi", "slti", "sltiu", "xori", "ori", "andi", "addiw"]
SHIFTS = [("slli", 63), ("srli", 63), ("srai", 63), ("slliw", 31), ("srliw", 31), ("sraiw", 31)]
LOADS = [("lb", 1), ("lh", 2), ("lw", 4), ("ld", 8), ("lbu", 1), ("lhu", 2), ("lwu", 4)]
STORES = [("sb", 1), ("sh", 2), ("sw", 4), ("sd", 8)]
AMOS = ["amoswap", "amoadd", "amoxor", "amoand", "amoor", "amomin", "amomax", "amominu", "amomaxu"]
BRANCHES = ["beq", "bne", "blt", "bge", "bltu", "bgeu"]
FP3 = ["fadd", "fsub", "fmul", "fdiv"]
FP2 = ["fmin", "fmax", "fsgnj", "fsgnjn", "fsgnjx"]
FP4 = ["fmadd", "fmsub", "fnmadd", "fnmsub"]
FCMP = ["feq", "flt", "fle"]
ROUNDING = ["rne", "rtz", "rdn", "rup", "rmm", "dyn"]
CONVERSIONS = ["fcvt.w.{f}", "fcvt.wu.{f}", "fcvt.l.{f}", "fcvt.lu.{f}", "fcvt.{f}.w", "fcvt.{f}.wu",
               "fcvt.{f}.l", "fcvt.{f}.lu"]
SPECIAL_VALUES = [0, 1, -1, 0x7FFF_FFFF_FFFF_FFFF, -0x8000_0000_0000_0000, 0x8000_0000, 0xFFFF_FFFF,
                  0x7FF0_0000_0000_0000, 0x7FF8_0000_0000_0000, 0xFFFF_FFFF_7FC0_0000, 0x3FF0_0000_0000_0000,
                  0xFFFF_FFFF_3F80_0000, 0x8000_0000_0000_0000]


def x(r):
    return f"x{r}"


def value(rng):
    if rng.random() < 0.4:
        return rng.choice(SPECIAL_VALUES) & (1 << 64) - 1
    return rng.getrandbits(64)


def offset(rng, size):
    raw = rng.randrange(-2048, 2048 - 8)
    return raw - raw % size if rng.random() < 0.9 else raw


def valid_instruction(rng, index, length, allow_lrsc):
    """One valid instruction (assembly text); branches and jumps only go forward, to a later label."""
    rd, rs1, rs2 = rng.choice(INT_REGS), rng.randrange(32), rng.randrange(32)
    fd, fs1, fs2, fs3 = (f"f{rng.randrange(32)}" for _ in range(4))
    kind = rng.choices(["r", "i", "shift", "lui", "load", "store", "amo", "branch", "jal", "fp", "fpmem", "csr",
                        "fence", "lrsc"], [20, 12, 6, 3, 8, 8, 3, 5, 2, 20, 4, 3, 1, 1 if allow_lrsc else 0])[0]
    if kind == "r":
        return f"{rng.choice(R_OPS)} {x(rd)}, {x(rs1)}, {x(rs2)}"
    if kind == "i":
        return f"{rng.choice(I_OPS)} {x(rd)}, {x(rs1)}, {rng.randrange(-2048, 2048)}"
    if kind == "shift":
        op, top = rng.choice(SHIFTS)
        return f"{op} {x(rd)}, {x(rs1)}, {rng.randrange(top + 1)}"
    if kind == "lui":
        return f"{rng.choice(['lui', 'auipc'])} {x(rd)}, {rng.randrange(1 << 20)}"
    if kind == "load":
        op, size = rng.choice(LOADS)
        return f"{op} {x(rd)}, {offset(rng, size)}({x(BASE)})"
    if kind == "store":
        op, size = rng.choice(STORES)
        return f"{op} {x(rs2)}, {offset(rng, size)}({x(BASE)})"
    if kind == "amo":
        width = rng.choice(["w", "d"])
        order = rng.choice(["", ".aq", ".rl", ".aqrl"])
        return f"{rng.choice(AMOS)}.{width}{order} {x(rd)}, {x(rs2)}, ({x(BASE)})"
    if kind == "lrsc":
        width = rng.choice(["w", "d"])
        return f"lr.{width} {x(rd)}, ({x(BASE)})" if rng.random() < 0.5 else f"sc.{width} {x(rd)}, {x(rs2)}, ({x(BASE)})"
    if kind in ("branch", "jal"):
        target = f"L{rng.randint(index + 1, min(length, index + 12))}"
        if kind == "jal":
            return f"jal {x(rd)}, {target}"
        return f"{rng.choice(BRANCHES)} {x(rs1)}, {x(rs2)}, {target}"
    if kind == "fpmem":
        op, size = rng.choice([("flw", 4), ("fld", 8), ("fsw", 4), ("fsd", 8)])
        return f"{op} {fd}, {offset(rng, size)}({x(BASE)})"
    if kind == "csr":
        return rng.choice([f"frflags {x(rd)}", f"fsflags {x(rd)}, {x(rs1)}", f"frrm {x(rd)}",
                           f"fsrmi {x(rd)}, {rng.randrange(5)}", f"frcsr {x(rd)}", f"fscsr {x(rd)}, {x(rs1)}"])
    if kind == "fence":
        return rng.choice(["fence", "fence.i", "fence rw, rw", "fence r, w"])
    f = rng.choice(["s", "d"])
    rm = rng.choice(ROUNDING)
    sub = rng.choice(["3", "2", "4", "sqrt", "cmp", "cvt", "cvtff", "mv", "class"])
    if sub == "3":
        return f"{rng.choice(FP3)}.{f} {fd}, {fs1}, {fs2}, {rm}"
    if sub == "2":
        return f"{rng.choice(FP2)}.{f} {fd}, {fs1}, {fs2}"
    if sub == "4":
        return f"{rng.choice(FP4)}.{f} {fd}, {fs1}, {fs2}, {fs3}, {rm}"
    if sub == "sqrt":
        return f"fsqrt.{f} {fd}, {fs1}, {rm}"
    if sub == "cmp":
        return f"{rng.choice(FCMP)}.{f} {x(rd)}, {fs1}, {fs2}"
    if sub == "cvt":
        op = rng.choice(CONVERSIONS).format(f=f)
        integer_first = op.split(".")[1] in ("w", "wu", "l", "lu")
        if integer_first:
            return f"{op} {x(rd)}, {fs1}, {rm}"
        exact = f == "d" and op.endswith((".w", ".wu"))
        return f"{op} {fd}, {x(rs1)}" + ("" if exact else f", {rm}")
    if sub == "cvtff":
        return rng.choice([f"fcvt.s.d {fd}, {fs1}, {rm}", f"fcvt.d.s {fd}, {fs1}"])
    if sub == "mv":
        w = "w" if f == "s" else "d"
        return rng.choice([f"fmv.x.{w} {x(rd)}, {fs1}", f"fmv.{w}.x {fd}, {x(rs1)}"])
    return f"fclass.{f} {x(rd)}, {fs1}"


def body(rng, mode):
    """The body's lines and whether it is all valid, forward-only code (comparable with qemu)."""
    length = rng.randint(10, 200)
    style = rng.choice(["valid", "valid", "valid", "mixed", "raw"])
    allow_lrsc = rng.random() < 0.1
    lines = []
    for i in range(length):
        lines.append(f"L{i}:")
        if style == "raw" or (style == "mixed" and rng.random() < 0.15):
            lines.append(f".half {rng.getrandbits(16):#x}" if rng.random() < 0.3 else f".word {rng.getrandbits(32):#x}")
        else:
            lines.append(valid_instruction(rng, i, length, allow_lrsc))
    lines.append(f"L{length}:")
    return lines, style == "valid" and not allow_lrsc


def prologue(rng):
    lines = ["fscsr x0"]
    for f in range(32):
        lines += [f"li t0, {value(rng):#x}", f"fmv.d.x f{f}, t0"]
    for r in range(1, 32):
        if r != BASE:
            lines.append(f"li {x(r)}, {value(rng):#x}")
    return lines


def scratch(rng):
    return [".balign 16", "scratch:"] + [f".quad {value(rng):#x}" for _ in range(1024)]


def user_program(rng):
    lines, comparable = body(rng, "user")
    text = [".option norelax", ".text", ".globl _start", "_start:", f"lla {x(BASE)}, scratch + 4096"]
    text += prologue(rng) + lines
    text += ["lla t6, save"] + [f"sd x{r}, {8 * r}(t6)" for r in range(1, 31)]
    text += [f"fsd f{f}, {256 + 8 * f}(t6)" for f in range(32)]
    text += ["frcsr t5", "sd t5, 512(t6)", "li a0, 1", "mv a1, t6", "li a2, 520", "li a7, 64", "ecall",
             "li a0, 0", "li a7, 93", "ecall"]
    data = [".data"] + scratch(rng) + [".balign 16", "save: .zero 528"]
    return "\n".join(text + data) + "\n", comparable


def bare_program(rng):
    lines, _ = body(rng, "bare")
    text = [".option norelax", ".section .text.init", ".globl _start", "_start:", "lla t0, trap", "csrw mtvec, t0",
            "li t0, 0x6000", "csrs mstatus, t0", f"lla {x(BASE)}, scratch + 4096"]
    text += prologue(rng) + lines
    text += ["lla t6, save"] + [f"sd x{r}, {8 * r}(t6)" for r in range(1, 31)]
    text += ["frcsr t5", "sd t5, 0(t6)",
             "li s0, 0", "lla s7, tohost", "li s6, 0x0101000000000000",
             "1: slli s1, s0, 3", "add s1, s1, t6", "ld s2, 0(s1)", "li s3, 60",
             "2: srl s4, s2, s3", "andi s4, s4, 15", "li s5, 10", "blt s4, s5, 3f", "addi s4, s4, 39",
             "3: addi s4, s4, 48", "or s4, s4, s6", "sd s4, 0(s7)", "addi s3, s3, -4", "bgez s3, 2b",
             "li s4, 10", "or s4, s4, s6", "sd s4, 0(s7)", "addi s0, s0, 1", "li s5, 31", "blt s0, s5, 1b",
             "li s4, 1", "sd s4, 0(s7)", "4: j 4b",
             ".balign 4", "trap:", "csrr t6, mepc", "lhu t5, 0(t6)", "andi t5, t5, 3", "li t4, 3",
             "addi t6, t6, 2", "bne t5, t4, 5f", "addi t6, t6, 2", "5: csrw mepc, t6", "mret"]
    data = [".section .tohost, \"aw\"", ".balign 8", ".globl tohost", "tohost: .quad 0",
            ".data"] + scratch(rng) + [".balign 16", "save: .zero 256"]
    return "\n".join(text + data) + "\n"


USER_FLAGS = ["-march=rv64gc", "-mabi=lp64d", "-nostdlib", "-static", "-Wl,--no-relax", "-Wl,--build-id=none"]
# The ISA suite's layout: code from 0x80000000, then tohost on its own page, then data.
BARE_FLAGS = USER_FLAGS + ["-nostartfiles", "-Wl,--no-warn-rwx-segments", "-T",
                           os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../guest/isa/env/link.ld")]


def guest_called_exit(argv):
    """True when the run of `argv` (with --trace syscalls) ended in the guest's own exit call."""
    traced = common.run(argv, timeout=TIMEOUT)
    lines = traced.stderr.decode("utf-8", "replace").strip().splitlines()
    calls = [line for line in lines if not line.startswith(("tinyrv:", "+++", "---"))]
    return bool(calls) and calls[-1].startswith(("exit(", "exit_group("))


def fuzz(tinyrv, seed, deadline, work, qemu=True, first=0, count=None):
    report = common.Report("instruction-streams")
    index = first
    while time.monotonic() < deadline and (count is None or index < first + count):
        rng = common.case_rng(seed, "instructions", index)
        mode = "bare" if rng.random() < 0.35 else "user"
        source = os.path.join(work, f"stream-{index}.S")
        program = os.path.join(work, f"stream-{index}")
        if mode == "user":
            text, comparable = user_program(rng)
        else:
            text, comparable = bare_program(rng), False
        with open(source, "w") as f:
            f.write(text)
        try:
            common.compile_guest(source, program, USER_FLAGS if mode == "user" else BARE_FLAGS)
        except RuntimeError as error:
            report.count("not assembled (a generator bug)")
            print(f"fuzz: instructions case {index} was not assembled: {error}", flush=True)
            index += 1
            continue
        options = ["--max-instructions", str(BUDGET), "--memory", "64M"] + (["--bare"] if mode == "bare" else [])
        fast_argv = [tinyrv, "run", *options, "--fs-root", work, program]
        precise_argv = [tinyrv, "run", *options, "--trace", "instructions", "--trace-file", "/dev/null",
                        "--fs-root", work, program]
        fast = common.run(fast_argv, timeout=TIMEOUT)
        precise = common.run(precise_argv, timeout=TIMEOUT)
        report.cases += 1
        report.count(f"{mode} {'exit 0' if fast.status == 0 else 'budget' if fast.status == 124 else 'other'}")
        problems = []
        for name, result in (("fast", fast), ("precise", precise)):
            # The guest may pick any status itself: in bare mode by a write to tohost, which a random
            # store can reach; in user mode by an exit whose a0 a random instruction left behind (seed
            # 57 case 14608: exit(4424552322532136125), status 189). A kill status without its line is
            # a finding only when tinyrv died of a signal (bare) or the guest did not call exit (user).
            if mode == "bare":
                chose = lambda result=result: result.signal == 0
            else:
                chose = lambda: guest_called_exit([tinyrv, "run", *options, "--trace", "syscalls", "--fs-root", work, program])
            problem = common.tinyrv_problem(result, chose_status=chose)
            if problem:
                problems.append(f"{name} loop: {problem}")
        if (fast.status, fast.stdout, fast.stderr) != (precise.status, precise.stdout, precise.stderr):
            problems.append(f"fast and precise loops differ: status {fast.status}/{precise.status}, "
                            f"stderr {common.tail(fast.stderr)!r} / {common.tail(precise.stderr)!r}"
                            + ("" if fast.stdout == precise.stdout else ", stdout differs"))
        if qemu and mode == "user" and comparable and fast.status == 0:
            reference = common.run([common.QEMU, program], timeout=TIMEOUT)
            report.count("compared with qemu")
            if reference.status == 0 and reference.stdout != fast.stdout:
                problems.append("differs from qemu-riscv64: " + register_difference(fast.stdout, reference.stdout))
        if problems:
            report.finding(index, "; ".join(problems),
                           f"{common.shell_command(fast_argv)}   (source {source}; or: scripts/fuzz/fuzz.py "
                           f"--only instructions --seed {seed} --case {index})")
        elif count is None:
            os.unlink(source)
            os.unlink(program)
        index += 1
    return report


def register_difference(mine, reference):
    names = [f"x{r}" for r in range(32)] + [f"f{f}" for f in range(32)] + ["fcsr"]
    words = lambda data: [int.from_bytes(data[i:i + 8], "little") for i in range(0, len(data) - len(data) % 8, 8)]
    a, b = words(mine), words(reference)
    diffs = [f"{names[i] if i < len(names) else i}: tinyrv {a[i]:#x} qemu {b[i]:#x}"
             for i in range(min(len(a), len(b))) if a[i] != b[i]]
    return ", ".join(diffs[:6]) or f"lengths {len(mine)}/{len(reference)}"
