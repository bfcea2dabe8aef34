import Foundation
import Testing
@testable import Kernel

/// A freestanding RV64IMAC program that opens, reads, seeks, stats and lists a fixture through raw
/// syscalls, built at test time with riscv64-linux-gnu-gcc and run both on the real hart and
/// under qemu-riscv64 in the same directory: the outputs and exit statuses must match.
@Suite
struct FileEndToEndTests {

    static let source = #"""
    typedef unsigned long u64;
    static long sys(long n, long a, long b, long c, long d) {
        register long a0 asm("a0") = a, a1 asm("a1") = b, a2 asm("a2") = c, a3 asm("a3") = d, a7 asm("a7") = n;
        asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a7) : "memory");
        return a0;
    }
    static void out(const char *s, long n) { sys(64, 1, (long)s, n, 0); }
    static void text(const char *s) { long n = 0; while (s[n]) n++; out(s, n); }
    static void num(const char *label, long v) {
        char b[24]; int i = 23; int neg = v < 0; u64 u = neg ? -v : v;
        text(label); b[i] = '\n';
        do { b[--i] = '0' + u % 10; u /= 10; } while (u);
        if (neg) b[--i] = '-';
        out(b + i, 24 - i);
    }
    static char buf[4096];
    void _start(void) {
        long fd = sys(56, -100, (long)"fixture/data.txt", 0, 0);
        num("open ", fd);
        long n = sys(63, fd, (long)buf, 5, 0); num("read ", n); out(buf, n); text("\n");
        num("lseek ", sys(62, fd, -4, 2, 0));
        n = sys(63, fd, (long)buf, 64, 0); num("tail ", n); out(buf, n);
        n = sys(67, fd, (long)buf, 3, 2); num("pread ", n); out(buf, n); text("\n");
        num("fstat ", sys(80, fd, (long)buf, 0, 0));
        num("size ", *(long *)(buf + 48)); num("mode ", *(unsigned *)(buf + 16) & 0170000);
        num("nlink ", *(unsigned *)(buf + 20)); num("blksize ", *(int *)(buf + 56));
        num("stat dir ", sys(79, -100, (long)"fixture/sub", (long)buf, 0)); num("mode ", *(unsigned *)(buf + 16) & 0170000);
        num("lstat link ", sys(79, -100, (long)"fixture/link", (long)buf, 0x100)); num("mode ", *(unsigned *)(buf + 16) & 0170000);
        num("missing ", sys(56, -100, (long)"fixture/none", 0, 0));
        num("tcgets ", sys(29, fd, 0x5401, (long)buf, 0));
        num("access ", sys(48, -100, (long)"fixture/data.txt", 4, 0));
        n = sys(78, -100, (long)"fixture/link", (long)buf, 64); num("readlink ", n); out(buf, n); text("\n");
        n = sys(17, (long)buf, sizeof buf, 0, 0); num("getcwd ", n > 1);
        num("close ", sys(57, fd, 0, 0, 0)); num("close again ", sys(57, fd, 0, 0, 0));
        long dir = sys(56, -100, (long)"fixture", 0200000, 0);
        num("opendir ", dir);
        n = sys(61, dir, (long)buf, sizeof buf, 0); num("getdents ", n > 0);
        for (long off = 0; off < n; off += *(unsigned short *)(buf + off + 16)) { text(buf + off + 19); text("\n"); }
        num("inner ", sys(56, dir, (long)"sub/inner.txt", 0, 0));
        num("escape ", sys(56, -100, (long)"../outside.txt", 0, 0) < 0);
        long copy = sys(23, 1, 0, 0, 0);
        num("dup3 ", sys(24, copy, 10, 02000000, 0));
        num("cloexec 10 ", sys(25, 10, 1, 0, 0));
        num("cloexec dup ", sys(25, copy, 1, 0, 0));
        num("getfl 1 writable ", (sys(25, 1, 3, 0, 0) & 3) != 0);
        sys(64, 10, (long)"through 10\n", 11, 0);
        num("close 10 ", sys(57, 10, 0, 0, 0));
        num("write closed ", sys(64, 10, (long)"x", 1, 0));
        num("tcgets stdout ", sys(29, 1, 0x5401, (long)buf, 0));
        sys(93, 3, 0, 0, 0);
        for (;;) {}
    }
    """#

    @Test func freestandingProgramMatchesQemu() throws {
        let program = try CrossProgram(source: Self.source)
        defer { program.remove() }
        try program.writeFixture()
        let qemu = try program.runUnderQemu()
        let hart = try program.runOnHart()
        #expect(qemu.output.contains("open 3\nread 5\nhello"), "qemu ran the program")
        #expect(hart.output == qemu.output)
        #expect(hart.outcome == .exited(code: 3))
        #expect(qemu.status == 3)
    }
}
