import Testing
@testable import Kernel

@Suite struct SyscallTableTests {
    let linuxEnvironment: [UInt64: String] = [
        96: "set_tid_address", 99: "set_robust_list", 113: "clock_gettime", 160: "uname", 169: "gettimeofday",
        173: "getppid", 174: "getuid", 175: "geteuid", 176: "getgid", 177: "getegid", 178: "gettid",
        215: "munmap", 222: "mmap", 226: "mprotect", 261: "prlimit64", 278: "getrandom",
        129: "kill", 130: "tkill", 131: "tgkill", 134: "rt_sigaction", 135: "rt_sigprocmask",
        29: "ioctl", 57: "close", 65: "readv", 79: "newfstatat", 80: "fstat",
        17: "getcwd", 23: "dup", 24: "dup3", 25: "fcntl", 48: "faccessat", 56: "openat", 61: "getdents64",
        62: "lseek", 67: "pread64", 78: "readlinkat", 439: "faccessat2", 216: "mremap", 233: "madvise",
        101: "nanosleep", 115: "clock_nanosleep", 73: "ppoll", 88: "utimensat", 98: "futex", 158: "getgroups", 260: "wait4", 167: "prctl",
        114: "clock_getres", 123: "sched_getaffinity", 124: "sched_yield", 132: "sigaltstack", 165: "getrusage",
        179: "sysinfo",
        34: "mkdirat", 35: "unlinkat", 46: "ftruncate", 68: "pwrite64", 82: "fsync", 166: "umask",
        139: "rt_sigreturn", 293: "rseq",
        258: "riscv_hwprobe", 71: "sendfile", 49: "chdir", 50: "fchdir", 227: "msync", 291: "statx",
        220: "clone", 221: "execve", 95: "waitid", 154: "setpgid", 155: "getpgid", 156: "getsid", 157: "setsid",
        59: "pipe2", 72: "pselect6", 133: "rt_sigsuspend", 136: "rt_sigpending", 137: "rt_sigtimedwait", 138: "rt_sigqueueinfo", 240: "rt_tgsigqueueinfo",
        435: "clone3", 100: "get_robust_list", 122: "sched_setaffinity", 283: "membarrier",
        276: "renameat2", 37: "linkat", 36: "symlinkat", 45: "truncate", 52: "fchmod", 53: "fchmodat", 452: "fchmodat2",
        55: "fchown", 54: "fchownat", 43: "statfs", 44: "fstatfs", 81: "sync", 267: "syncfs", 83: "fdatasync",
        32: "flock", 47: "fallocate", 69: "preadv", 70: "pwritev", 286: "preadv2", 287: "pwritev2",
        198: "socket", 199: "socketpair", 204: "getsockname", 205: "getpeername", 206: "sendto", 207: "recvfrom",
        208: "setsockopt", 209: "getsockopt", 210: "shutdown", 211: "sendmsg", 212: "recvmsg",
        20: "epoll_create1", 21: "epoll_ctl", 22: "epoll_pwait", 441: "epoll_pwait2",
        19: "eventfd2", 85: "timerfd_create", 86: "timerfd_settime", 87: "timerfd_gettime", 436: "close_range",
        153: "times", 223: "fadvise64", 140: "setpriority", 141: "getpriority",
        102: "getitimer", 103: "setitimer", 107: "timer_create", 108: "timer_gettime", 109: "timer_getoverrun",
        110: "timer_settime", 111: "timer_delete",
        148: "getresuid", 150: "getresgid", 146: "setuid", 144: "setgid", 145: "setreuid", 143: "setregid",
        147: "setresuid", 149: "setresgid", 151: "setfsuid", 152: "setfsgid", 159: "setgroups", 90: "capget", 91: "capset",
        119: "sched_setscheduler", 118: "sched_setparam", 120: "sched_getscheduler", 121: "sched_getparam",
        125: "sched_get_priority_max", 126: "sched_get_priority_min", 168: "getcpu", 92: "personality",
        228: "mlock", 229: "munlock", 284: "mlock2", 230: "mlockall", 231: "munlockall",
        5: "setxattr", 6: "lsetxattr", 7: "fsetxattr", 8: "getxattr", 9: "lgetxattr", 10: "fgetxattr",
        33: "mknodat", 11: "listxattr", 12: "llistxattr", 13: "flistxattr", 14: "removexattr", 15: "lremovexattr", 16: "fremovexattr",
    ]

    @Test func tableHoldsTheLinuxAndTinyRVNumbers() {
        let names = SyscallTable.definitions.mapValues(\.name)
        #expect(names == [63: "read", 64: "write", 66: "writev", 93: "exit", 94: "exit_group", 172: "getpid",
                          214: "brk", 2000: "sbrk", 2001: "info"].merging(linuxEnvironment) { $1 })
    }

    @Test func traceLinesAreStraceStyle() throws {
        let sbrk = try #require(SyscallTable.definitions[2000])
        #expect(SyscallTable.traceLine(sbrk, [4096, 0, 0, 0, 0, 0], .value(0x13000)) == "sbrk(4096) = 0x13000")
        #expect(SyscallTable.traceLine(sbrk, [UInt64(bitPattern: -8), 0, 0, 0, 0, 0], .value(-12)) == "sbrk(-8) = -12 ENOMEM")
        let write = try #require(SyscallTable.definitions[64])
        #expect(SyscallTable.traceLine(write, [1, 0x3ffffffe90, 6, 0, 0, 0], .value(6)) == "write(1, 0x3ffffffe90, 6) = 6")
        let exit = try #require(SyscallTable.definitions[93])
        #expect(SyscallTable.traceLine(exit, [3, 0, 0, 0, 0, 0], .exit(3)) == "exit(3) = ?")
    }

    @Test func writeAndReadRejectBadPointersAndDescriptors() throws {
        let process = try Fixtures.process()
        #expect(process.syscall("write", [1, 0, 5]) == .value(-14))
        #expect(process.syscall("write", [1, 0x12ffe, 5]) == .value(-14), "runs off the end of data")
        #expect(process.syscall("write", [7, 0x11000, 5]) == .value(-9))
        #expect(process.syscall("write", [1, 0x11000, 0]) == .value(0))
        #expect(process.syscall("read", [0, 0x10000, 5]) == .value(-14), "text is not writable")
        #expect(process.syscall("writev", [1, 0, 1]) == .value(-14))
        #expect(process.syscall("writev", [1, 0x11000, 5000]) == .value(-22))
    }

    @Test func writeReachesTheHostDescriptorInOrder() throws {
        let process = try Fixtures.process()
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        try process.copyOut(Array("hello, ".utf8), to: 0x11000).get()
        try process.copyOut(Array("world\n".utf8), to: 0x11ffe).get()
        process.files.install(.host(HostDescriptor(rawValue: fds[1])), at: 9)
        #expect(process.syscall("write", [9, 0x11000, 7]) == .value(7))
        // writev of {0x11ffe, 6}: an iovec built in the data segment.
        let iovec = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(0x11ffe) >> (8 * UInt64($0))) } + [6, 0, 0, 0, 0, 0, 0, 0]
        try process.copyOut(iovec, to: 0x11800).get()
        #expect(process.syscall("writev", [9, 0x11800, 1]) == .value(6))
        close(fds[1])
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = Glibc.read(fds[0], &buffer, 64)
        #expect(String(decoding: buffer[..<max(0, n)], as: UTF8.self) == "hello, world\n")
    }

    /// Linux reads a descriptor argument as a 32-bit int: the upper half of the register is ignored.
    @Test func descriptorsAreTheLow32BitsOfTheirRegister() throws {
        let process = try Fixtures.process()
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        try process.copyOut(Array("abc".utf8), to: 0x11000).get()
        process.files.install(.host(HostDescriptor(rawValue: fds[1])), at: 9)
        let high: UInt64 = 0x1_0000_0000
        #expect(process.syscall("write", [high | 9, 0x11000, 2]) == .value(2))
        #expect(process.syscall("writev", [high | 9, 0x11800, 0]) == .value(0))
        #expect(FileStatusSyscalls.fstat(process, fd: high | 9, buffer: 0x11800) == .value(0))
        #expect(process.syscall("write", [0xFFFF_FFFF_0000_0009, 0x11000, 3]) == .value(3))
        #expect(process.syscall("write", [0xFFFF_FFFF, 0x11000, 1]) == .value(-9), "-1 in 32 bits")
        close(fds[1])
        var buffer = [UInt8](repeating: 0, count: 16)
        let n = Glibc.read(fds[0], &buffer, 16)
        #expect(String(decoding: buffer[..<max(0, n)], as: UTF8.self) == "ababc")
    }
}

#if canImport(Glibc)
import Glibc
#endif
