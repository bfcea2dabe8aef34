"""GDB packet fuzzer: `tinyrv run --gdb unix:PATH` served random packets (well-formed commands with
wild addresses, lengths, registers and data, bad checksums, garbage, interrupts) by a client that
then goes away. tinyrv must answer or refuse each, and end with one line when the client leaves:
never a death by signal, a hang, or status 125."""
import os
import socket
import subprocess
import time

import common

BUDGET = 1_000_000
TIMEOUT = 60
WILD = [0, 1, 0x10000, 0x10001, 0x3F_FFFF_EFF8, 0x3F_FFFF_F000, 0x40_0000_0000, 0x8000_0000,
        0xFFFF_FFFF_FFFF_FFF8, 0xFFFF_FFFF_FFFF_FFFF, 1 << 63]
LENGTHS = [0, 1, 2, 8, 64, 4096, 0x10000, 1 << 31, 1 << 32, 0xFFFF_FFFF_FFFF_FFFF]


def hexdata(rng, count):
    return "".join(f"{rng.randrange(256):02x}" for _ in range(count))


def command(rng):
    a, n = rng.choice(WILD) if rng.random() < 0.7 else rng.getrandbits(64), rng.choice(LENGTHS)
    reg = rng.choice([0, 1, 2, 31, 32, 33, 65, 66, 67, 68, 4096, rng.getrandbits(32)])
    kind = rng.choice(["1", "1", "2", "3", "4", "5"])
    choices = [
        "?", "g", "G" + hexdata(rng, rng.choice([0, 8, 264, 520, 800])), f"p{reg:x}", f"P{reg:x}={hexdata(rng, rng.choice([4, 8, 16]))}",
        f"m{a:x},{n:x}", f"m{a:x},{rng.randrange(64):x}", f"M{a:x},{n:x}:{hexdata(rng, rng.randrange(16))}",
        f"X{a:x},{rng.randrange(16):x}:" + "".join(chr(rng.randrange(32, 127)) for _ in range(rng.randrange(16))),
        f"Z0,{a:x},{rng.choice([2, 4])}", f"z0,{a:x},{rng.choice([2, 4])}", f"Z{kind},{a:x},{rng.choice([1, 4, 8, n])}",
        f"z{kind},{a:x},{rng.choice([1, 4, 8, n])}", "c", "s", f"c{a:x}", f"s{a:x}", f"C{rng.randrange(256):02x}",
        "vCont?", "vCont;c", "vCont;s:1", "vCont;s", f"vCont;C{rng.randrange(256):02x}", "vCont;t", "Hg0", "Hc-1", "Hg1", "Hg2",
        "qSupported:swbreak+;hwbreak+;xmlRegisters=riscv", f"qXfer:features:read:target.xml:{a:x},{n:x}",
        "qXfer:features:read:nonexistent.xml:0,ff", "qfThreadInfo", "qsThreadInfo", "qC", "qAttached", "qOffsets",
        "QStartNoAckMode", f"QCatchSyscalls:1;{a:x}", "QCatchSyscalls:1", "QCatchSyscalls:0", "qRcmd,68656c70",
        "T1", "T2", "vMustReplyEmpty", "qTStatus", "D", "k", "vKill;1",
        "".join(chr(rng.randrange(32, 127)) for _ in range(rng.randrange(1, 40))),
    ]
    return rng.choice(choices)


def packet(rng):
    style = rng.random()
    if style < 0.75:
        payload = command(rng).encode("latin-1")
        checksum = sum(payload) % 256
        if rng.random() < 0.05:
            checksum ^= 1 + rng.randrange(255)
        return b"$" + payload + b"#" + f"{checksum:02x}".encode()
    if style < 0.85:
        return rng.choice([b"+", b"-", b"\x03", b"$#00", b"$", b"#", b"$g#6", b"}}}$*#zz"])
    if style < 0.95:
        return bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 200)))
    return b"$" + b"m0," * rng.randrange(1, 6000) + b"#00"


def fuzz(tinyrv, seed, deadline, work, program, first=0, count=None):
    report = common.Report("gdb-packets")
    index = first
    while time.monotonic() < deadline and (count is None or index < first + count):
        rng = common.case_rng(seed, "gdb", index)
        path = os.path.join(work, f"gdb-{index}.sock")
        argv = [tinyrv, "run", "--gdb", f"unix:{path}", "--max-instructions", str(BUDGET), "--fs-root", work, program]
        packets = [packet(rng) for _ in range(rng.randint(1, 60))]
        result = serve(argv, path, packets)
        report.cases += 1
        report.count("exit 0" if result.status == 0 else "killed" if b"tinyrv: killed" in result.stderr else f"status {result.status}")
        problem = common.tinyrv_problem(result)
        if problem:
            kept = os.path.join(work, f"finding-gdb-{index}.packets")
            with open(kept, "wb") as f:
                f.write(b"\n".join(packets))
            report.finding(index, problem, f"scripts/fuzz/fuzz.py --only gdb --seed {seed} --case {index}   "
                           f"(packets, one a line, in {kept}; tinyrv: {common.shell_command(argv)})")
        index += 1
    return report


def serve(argv, path, packets):
    """Starts tinyrv, sends `packets` as a client that reads what comes back, then hangs up."""
    start = time.monotonic()
    if os.path.exists(path):
        os.unlink(path)
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        # The socket file appears at bind, before listen: retry until tinyrv accepts connections.
        while process.poll() is None and time.monotonic() - start < TIMEOUT:
            try:
                client.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                time.sleep(0.005)
        client.settimeout(0.02)
        for data in packets:
            client.sendall(data)
            try:
                while client.recv(65536):
                    pass
            except socket.timeout:
                pass
    except OSError:
        pass
    finally:
        client.close()
    try:
        out, err = process.communicate(timeout=max(1, TIMEOUT - (time.monotonic() - start)))
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        out, err = process.communicate()
        timed_out = True
    if os.path.exists(path):
        os.unlink(path)
    code = process.returncode
    signal = -code if code < 0 and not timed_out else 0
    return common.Run(128 + signal if signal else code, signal, out, err, timed_out, time.monotonic() - start)
