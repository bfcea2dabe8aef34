#!/usr/bin/env python3
"""The gdb test of `make test-gdb`: real gdb-multiarch, in batch mode, against `tinyrv run --gdb`.

Sessions, each on a port tinyrv picks (`--gdb 0`, read from its stderr) or a fresh Unix socket, so
parallel runs never clash:
  hosted   guest/gdb/debuggee: break on a function, its argument, bt, finish with the return value,
           a register written before the guest reads it, an FP register, a write watchpoint
           stopping on each write with old and new values, a read watchpoint, stepi, x/i $pc,
           info registers, Ctrl-C (SIGINT to gdb) of a spinning guest, memory writes the guest
           then uses, and the exit status reported to gdb and returned by tinyrv.
  threads  guest/gdb/threads: a breakpoint in work() names the thread that hit it, `info threads`
           lists the four tasks with their names, `bt` there and, after `thread 1`, in main's
           saved registers (a task off the hart), and the exit status.
  fork     guest/gdb/forker: `catch fork` stops in the parent with the child's pid; the child,
           detached, runs on (its status printed by the parent); the exec and exit follow.
  child    `set follow-fork-mode child`: a breakpoint in child_work() stops the child (inferior 2)
           with its argument and its backtrace; its exit is reported while the parent runs on.
  exec     `catch exec` stops at the new program's entry; a breakpoint set there in the new
           image stops with the new argv.
  bare     guest/gdb/bare with --bare-implied tohost: a breakpoint, priv and machine CSRs, a register
           written before the exit, stepi and the exit status.
  syscalls gdb 13's RISC-V support has no `catch syscall` ("not supported on this architecture
           yet"), so this session speaks the protocol itself over a Unix socket: QCatchSyscalls:1;40
           must stop at the entry and the return of write(64), with the guest's registers.
  garbage  noise, a bad checksum (answered with '-'), then an oversized packet: tinyrv kills the
           guest with one line and status 137.
  hangup   a client that connects and goes away: one line, status 137, no hang.
Prints one line per session and exits non-zero when any fails.
"""
import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

TIMEOUT = 60


def start_tinyrv(tinyrv, args):
    """Starts `tinyrv run --gdb ...` and returns (process, address line) once it listens."""
    proc = subprocess.Popen([tinyrv, "run"] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    match = re.match(r"tinyrv: gdb: waiting for a client on (\S+)", line)
    if not match:
        proc.kill()
        raise RuntimeError(f"tinyrv did not listen: {line.strip()!r}")
    return proc, match.group(1)


def finish(proc):
    """Waits for tinyrv and returns (status, stdout, stderr after the address line)."""
    out, err = proc.communicate(timeout=TIMEOUT)
    return proc.returncode, out, err


def run_gdb(program, port, commands):
    """gdb-multiarch -batch on `program`, attached to 127.0.0.1:port, running `commands`."""
    with tempfile.NamedTemporaryFile("w", suffix=".gdb", delete=False) as script:
        script.write("set pagination off\nset confirm off\n" + commands)
    try:
        result = subprocess.run(["gdb-multiarch", "-nx", "-batch", "-ex", f"target remote 127.0.0.1:{port}",
                                 "-x", script.name, program], capture_output=True, text=True, timeout=TIMEOUT)
    finally:
        os.unlink(script.name)
    return result.stdout + result.stderr


def expect_in_order(text, patterns):
    """Returns the first pattern not found after the previous one's match, or None."""
    position = 0
    for pattern in patterns:
        match = re.compile(pattern, re.M).search(text, position)
        if not match:
            return pattern
        position = match.end()
    return None


HOSTED_SCRIPT = r"""
tbreak *square
break square
continue
p $a0
set $a0 = 5
continue
p x
bt
finish
break scaled
continue
info registers fa0
p $fa0.double
delete
python
import threading, os, signal
threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
end
continue
bt 1
set var spin_release = 1
set var patched = 42
continue
"""

WATCH_SCRIPT = r"""
break main
continue
watch counter
rwatch limit
continue
continue
continue
continue
continue
continue
continue
delete
stepi
x/i $pc
info registers pc sp
p counter
kill
"""

BARE_SCRIPT = r"""
break done
continue
p $a0
p $priv
p/x $misa
p *(long *)&value
set $a0 = 7
stepi
x/i $pc
continue
"""


def hosted_session(tinyrv, programs):
    program = os.path.join(programs, "debuggee")
    proc, address = start_tinyrv(tinyrv, ["--gdb", "0", program])
    output = run_gdb(program, address.split(":")[1], HOSTED_SCRIPT)
    status, out, err = finish(proc)
    missing = expect_in_order(output, [
        r"^Temporary breakpoint 1, square \(x=0\)",
        r"^\$1 = 30$",                                  # the argument in a0 at the entry
        r"^Breakpoint 2, square \(x=5\)",               # the guest stored the a0 gdb wrote
        r"^\$2 = 5$",
        r"^#0  square \(x=5\) at .*debuggee\.c:\d+",
        r"^#1  0x[0-9a-f]+ in main \(\) at .*debuggee\.c:\d+",
        r"^0x[0-9a-f]+ in main \(\) at .*debuggee\.c:\d+",   # finish returned to main
        r"^Value returned is \$3 = 25$",
        r"^Breakpoint 3, scaled \(value=25\)",
        r"^fa0 +\{float = .*, double = 25\}\s+\(raw 0x4039000000000000\)",
        r"^\$4 = 25$",
        r"^Program received signal SIGINT, Interrupt\.",
        r"in spin \(\) at .*debuggee\.c",
        r"^\[Inferior 1 \(process 100\) exited with code 052\]",
    ])
    problems = []
    if missing:
        problems.append(f"gdb output lacks /{missing}/")
    if status != 42:
        problems.append(f"tinyrv exited {status}, expected 42")
    if out != "hello from the debuggee\n":
        problems.append(f"guest stdout {out!r}")
    if err:
        problems.append(f"unexpected stderr {err!r}")
    return problems, output


def watch_session(tinyrv, programs):
    program = os.path.join(programs, "debuggee")
    proc, address = start_tinyrv(tinyrv, ["--gdb", "0", program])
    output = run_gdb(program, address.split(":")[1], WATCH_SCRIPT)
    status, _, err = finish(proc)
    patterns = [r"^Breakpoint 1, main \(\)", r"^Hardware watchpoint 2: counter", r"^Hardware read watchpoint 3: limit"]
    for old, new in ((0, 10), (10, 20), (20, 30)):
        patterns += [r"^Hardware read watchpoint 3: limit\n\nValue = 3$",
                     rf"^Hardware watchpoint 2: counter\n\nOld value = {old}\nNew value = {new}$"]
    patterns += [r"^Hardware read watchpoint 3: limit\n\nValue = 3$",
                 r"^0x[0-9a-f]+\s+\d+\s+for \(int i",           # stepi moved one instruction
                 r"^=> 0x[0-9a-f]+ <main\+\d+>:\s+\w+",         # x/i $pc
                 r"^pc +0x[0-9a-f]+\s+0x[0-9a-f]+ <main\+\d+>", r"^sp +0x3fffff[0-9a-f]{4}\s", r"^\$1 = 30$",
                 r"^\[Inferior 1 \(process 100\) killed\]"]
    missing = expect_in_order(output, patterns)
    problems = [f"gdb output lacks /{missing}/"] if missing else []
    if status != 137 or err.strip() != "tinyrv: killed: gdb killed the guest":
        problems.append(f"tinyrv exited {status} with stderr {err!r}, expected 137 and the kill line")
    return problems, output


THREADS_SCRIPT = r"""
break work
continue
info threads
bt
thread 1
bt
delete
continue
"""

FORK_SCRIPT = r"""
catch fork
continue
info inferiors
continue
"""

CHILD_SCRIPT = r"""
set follow-fork-mode child
break child_work
continue
p n
bt
continue
"""

EXEC_SCRIPT = r"""
catch exec
continue
break after_exec
continue
p argument
continue
"""


def scripted_session(tinyrv, program, script, patterns, status, stdout):
    """Runs gdb with `script` against `program`; problems when gdb's output lacks `patterns` (in
    order) or tinyrv does not end with `status`, `stdout` and no line on stderr."""
    proc, address = start_tinyrv(tinyrv, ["--gdb", "0", program])
    output = run_gdb(program, address.split(":")[1], script)
    code, out, err = finish(proc)
    missing = expect_in_order(output, patterns)
    problems = [f"gdb output lacks /{missing}/"] if missing else []
    if code != status or out != stdout or err:
        problems.append(f"tinyrv exited {code} with stdout {out!r} and stderr {err!r}, expected {status}")
    return problems, output


def threads_session(tinyrv, programs):
    thread = r"Thread 100\.10[0-3] \"threads\""
    return scripted_session(tinyrv, os.path.join(programs, "threads"), THREADS_SCRIPT, [
        r"^Thread (\d) \"threads\" hit Breakpoint 1, work \(id=[123]\) at .*threads\.c:\d+",
        r"^  Id +Target Id +Frame",
        rf"^  1 +Thread 100\.100 \"threads\" 0x[0-9a-f]+ in ",
        rf"^[* ] 2 +{thread} ", rf"^[* ] 3 +{thread} ", rf"^[* ] 4 +{thread} ",
        r"^#0  work \(id=[123]\) at .*threads\.c:\d+\n#1  0x[0-9a-f]+ in worker \(argument=0x[0-2]\)",
        r"^\[Switching to thread 1 \(Thread 100\.100\)\]",
        r"^#1  0x[0-9a-f]+ in main \(\) at .*threads\.c:\d+",
        r"^\[Inferior 1 \(process 100\) exited with code 016\]",
    ], 14, "")


def fork_session(tinyrv, programs):
    return scripted_session(tinyrv, os.path.join(programs, "forker"), FORK_SCRIPT, [
        r"^Catchpoint 1 \(fork\)",
        r"^Catchpoint 1 \(forked process 101\), 0x[0-9a-f]+ in ",
        r"^\* 1 +process 100 ",
        r"^\[Detaching after fork from child process 101\]",
        r"^process 100 is executing new program: .*forker",
        r"^\[Inferior 1 \(process 100\) exited with code 04\]",
    ], 4, "child 6\nexec'd again\n")


def child_session(tinyrv, programs):
    return scripted_session(tinyrv, os.path.join(programs, "forker"), CHILD_SCRIPT, [
        r"^\[Attaching after Thread 100\.100 fork to child Thread 101\.101\]",
        r"^\[New inferior 2 \(process 101\)\]",
        r"^\[Detaching after fork from parent process 100\]",
        r"^Thread 2\.1 \"forker\" hit Breakpoint 1, child_work \(n=2\) at .*forker\.c:\d+",
        r"^\$1 = 2$",
        r"^#1  0x[0-9a-f]+ in main \(argc=1, argv=0x[0-9a-f]+\) at .*forker\.c:\d+",
        r"^\[Inferior 2 \(process 101\) exited with code 06\]",
    ], 4, "child 6\nexec'd again\n")


def exec_session(tinyrv, programs):
    return scripted_session(tinyrv, os.path.join(programs, "forker"), EXEC_SCRIPT, [
        r"^Catchpoint 1 \(exec\)",
        r"^Catchpoint 1 \(exec'd .*forker\), 0x[0-9a-f]+ in _start \(\)",
        r"^Breakpoint 2, after_exec \(argument=0x[0-9a-f]+ \"again\"\) at .*forker\.c:\d+",
        r"^\$1 = 0x[0-9a-f]+ \"again\"$",
        r"^\[Inferior 1 \(process 100\) exited with code 04\]",
    ], 4, "child 6\nexec'd again\n")


def bare_session(tinyrv, programs):
    program = os.path.join(programs, "bare")
    proc, address = start_tinyrv(tinyrv, ["--gdb", "0", program])
    output = run_gdb(program, address.split(":")[1], BARE_SCRIPT)
    status, _, err = finish(proc)
    missing = expect_in_order(output, [
        r"^Breakpoint 1, done \(\) at .*bare\.S",
        r"^\$1 = 5$", r"^\$2 = 3$",                       # a0, and priv: M-mode
        r"^\$3 = 0x800000000014112f$",                   # misa: RV64IMAFDCBSU
        r"^\$4 = 5$",
        r"^=> 0x80000018 <done\+2>:\s+or\s+a0,a0,1",    # stepi past the compressed slli
        r"^\[Inferior 1 \(process 1\) exited with code 07\]",
    ])
    problems = [f"gdb output lacks /{missing}/"] if missing else []
    if status != 7 or err:
        problems.append(f"tinyrv exited {status} with stderr {err!r}, expected 7 and nothing")
    return problems, output


class Client:
    """A minimal protocol client (no-ack mode is not requested, so every packet is acknowledged)."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(TIMEOUT)
        self.sock.connect(path)
        self.buffer = b""

    def send(self, payload):
        self.sock.sendall(b"$%s#%02x" % (payload, sum(payload) % 256))

    def receive(self):
        """The next packet's payload, acknowledged; skips acks."""
        while True:
            match = re.match(rb"^[+]*\$([^#]*)#([0-9a-f]{2})", self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                self.sock.sendall(b"+")
                return match.group(1)
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("connection closed")
            self.buffer += chunk

    def ask(self, payload):
        self.send(payload)
        return self.receive()


def register(client, number):
    """Register `number` as an integer (little-endian hex)."""
    return int.from_bytes(bytes.fromhex(client.ask(b"p%x" % number).decode()), "little")


def syscall_session(tinyrv, programs):
    directory = tempfile.mkdtemp()
    path = os.path.join(directory, "gdb.sock")
    proc, _ = start_tinyrv(tinyrv, ["--gdb", "unix:" + path, os.path.join(programs, "debuggee")])
    problems = []
    try:
        client = Client(path)
        client.ask(b"qSupported:swbreak+")
        steps = [(b"QCatchSyscalls:1;40", b"OK"), (b"c", b"T05syscall_entry:40;thread:64;")]
        for packet, expected in steps:
            reply = client.ask(packet)
            if reply != expected:
                problems.append(f"{packet!r} -> {reply!r}, expected {expected!r}")
        if register(client, 17) != 64 or register(client, 12) != 24:
            problems.append("at the write entry a7 should be 64 and a2 the length 24")
        message = client.ask(b"m%x,18" % register(client, 11))
        if bytes.fromhex(message.decode()) != b"hello from the debuggee\n":
            problems.append(f"the buffer of write reads {message!r}")
        reply = client.ask(b"c")
        if reply != b"T05syscall_return:40;thread:64;" or register(client, 10) != 24:
            problems.append(f"return stop {reply!r} with a0 {register(client, 10)}")
        client.ask(b"QCatchSyscalls:0")
        client.send(b"k")
        status, out, err = finish(proc)
        if status != 137 or out != "hello from the debuggee\n" or err.strip() != "tinyrv: killed: gdb killed the guest":
            problems.append(f"after k: status {status}, stdout {out!r}, stderr {err!r}")
    finally:
        if proc.poll() is None:
            proc.kill()
        if os.path.exists(path):
            os.unlink(path)
        os.rmdir(directory)
    return problems, ""


def garbage_session(tinyrv, programs):
    proc, address = start_tinyrv(tinyrv, ["--gdb", "0", os.path.join(programs, "debuggee")])
    problems = []
    with socket.create_connection(("127.0.0.1", int(address.split(":")[1])), timeout=TIMEOUT) as sock:
        sock.sendall(b"noise\x00\xff$?#00")                  # noise, then a bad checksum
        if sock.recv(1) != b"-":
            problems.append("a bad checksum was not answered with '-'")
        sock.sendall(b"$" + b"m" * 20000 + b"#00")          # over the 16384-byte packet size
        status, _, err = finish(proc)
    lines = err.strip().split("\n")
    if status != 137 or lines != ["tinyrv: gdb: packet with a bad checksum dropped",
                                  "tinyrv: killed: gdb client sent a packet over 16384 bytes"]:
        problems.append(f"status {status}, stderr {err!r}")
    return problems, ""


def hangup_session(tinyrv, programs):
    proc, address = start_tinyrv(tinyrv, ["--gdb", "0", os.path.join(programs, "debuggee")])
    socket.create_connection(("127.0.0.1", int(address.split(":")[1])), timeout=TIMEOUT).close()
    status, _, err = finish(proc)
    if status != 137 or err.strip() != "tinyrv: killed: gdb client disconnected":
        return [f"status {status}, stderr {err!r}"], ""
    return [], ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tinyrv", required=True)
    parser.add_argument("--programs", required=True, help="directory with debuggee and bare")
    parser.add_argument("--verbose", action="store_true", help="print gdb's output of failing sessions")
    args = parser.parse_args()
    failed = 0
    sessions = [("hosted", hosted_session), ("watch", watch_session), ("threads", threads_session),
                ("fork", fork_session), ("child", child_session), ("exec", exec_session), ("bare", bare_session),
                ("syscalls", syscall_session), ("garbage", garbage_session), ("hangup", hangup_session)]
    for name, session in sessions:
        start = time.monotonic()
        try:
            problems, output = session(args.tinyrv, args.programs)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
            problems, output = [str(error)], ""
        seconds = time.monotonic() - start
        if problems:
            failed += 1
            print(f"FAIL gdb {name} ({seconds:.1f}s): " + "; ".join(problems))
            if args.verbose and output:
                print(output)
        else:
            print(f"PASS gdb {name} ({seconds:.1f}s)")
    print(f"{len(sessions) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
