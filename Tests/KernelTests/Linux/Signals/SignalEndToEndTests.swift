import Testing
@testable import Kernel

/// Freestanding programs that record signal state and then signal themselves, on the real hart
/// and under qemu-riscv64: the same output and the same exit status (128 + the signal).
@Suite
struct SignalEndToEndTests {
    static func source(signal: Int) -> String {
        #"""
        static long sys(long n, long a, long b, long c, long d) {
            register long a0 asm("a0") = a, a1 asm("a1") = b, a2 asm("a2") = c, a3 asm("a3") = d, a7 asm("a7") = n;
            asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a7) : "memory");
            return a0;
        }
        static void num(const char *label, long v) {
            char b[40]; int i = 39, n = 0; unsigned long u = v < 0 ? -v : v;
            while (label[n]) n++;
            sys(64, 1, (long)label, n, 0);
            b[i] = '\n';
            do { b[--i] = '0' + u % 10; u /= 10; } while (u);
            if (v < 0) b[--i] = '-';
            sys(64, 1, (long)(b + i), 40 - i, 0);
        }
        static unsigned long act[3], old[3], set, oldset, stack[3], oldstack[3];
        static char altstack[8192];
        void _start(void) {
            act[0] = 1;
            num("sigaction ", sys(134, 10, (long)act, (long)old, 8));
            num("old handler ", old[0]);
            num("sigaction again ", sys(134, 10, 0, (long)old, 8));
            num("handler ", old[0]);
            num("bad size ", sys(134, 10, 0, (long)old, 16));
            num("sigkill ", sys(134, 9, (long)act, 0, 8));
            set = 1 << 1;
            num("block ", sys(135, 0, (long)&set, (long)&oldset, 8));
            num("old mask ", oldset);
            num("mask ", (sys(135, 0, 0, (long)&oldset, 8), oldset));
            stack[0] = (long)altstack; stack[1] = 0; stack[2] = sizeof altstack;
            num("sigaltstack ", sys(132, (long)stack, 0, 0, 0));
            num("sigaltstack old ", (sys(132, 0, (long)oldstack, 0, 0), oldstack[2]));
            num("ignored usr1 ", sys(129, sys(172, 0, 0, 0, 0), 10, 0, 0));
            num("probe ", sys(129, sys(172, 0, 0, 0, 0), 0, 0, 0));
            sys(131, sys(172, 0, 0, 0, 0), sys(178, 0, 0, 0, 0), SIGNAL, 0);
            num("survived ", 1);
            sys(93, 0, 0, 0, 0);
            for (;;) {}
        }
        """#.replacingOccurrences(of: "SIGNAL", with: String(signal))
    }

    @Test(arguments: [15, 6])
    func selfSignalEndsTheRunLikeQemu(signal: Int) throws {
        let program = try CrossProgram(source: Self.source(signal: signal))
        defer { program.remove() }
        let qemu = try program.runUnderQemu()
        let hart = try program.runOnHart()
        #expect(qemu.output.contains("sigaction 0\nold handler 0\n"), "qemu ran the program")
        #expect(hart.output == qemu.output)
        #expect(hart.outcome.exitStatus == qemu.status)
        #expect(qemu.status == 128 + Int32(signal))
    }
}
