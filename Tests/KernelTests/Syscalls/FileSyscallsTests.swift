import Testing
@testable import Kernel
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileSyscallsTests {
    let tree = TemporaryTree()
    let process: Process
    let atCWD = UInt64(bitPattern: -100)

    init() throws {
        var options = Fixtures.options(arguments: ["/bin/true"])
        options.fileSystemRoot = tree.root
        process = try Fixtures.process(options: options)
    }

    /// Puts `text` NUL-terminated at 0x11800 and returns the address.
    func path(_ text: String) throws -> UInt64 {
        try process.copyOut(Array(text.utf8) + [0], to: 0x11800).get()
        return 0x11800
    }

    func openat(_ name: String, flags: UInt64 = 0, dirfd: UInt64? = nil) throws -> SyscallResult {
        FileSyscalls.openat(process, [dirfd ?? atCWD, try path(name), flags, 0])
    }

    @Test func openReadSeekAndClose() throws {
        #expect(try openat("a.txt") == .value(3))
        #expect(IOSyscalls.read(process, [3, 0x11100, 64]) == .value(5))
        #expect(process.peek(0x11100, count: 5) == Array("hello".utf8))
        #expect(FileSyscalls.lseek(process, [3, 1, 0]) == .value(1))
        #expect(IOSyscalls.read(process, [3, 0x11100, 2]) == .value(2))
        #expect(process.peek(0x11100, count: 2) == Array("el".utf8))
        #expect(FileSyscalls.pread64(process, [3, 0x11100, 3, 2]) == .value(3))
        #expect(process.peek(0x11100, count: 3) == Array("llo".utf8))
        #expect(FileStatusSyscalls.fstat(process, fd: 3, buffer: 0x11200) == .value(0))
        #expect(process.peekWord(0x11230) == 5, "st_size")
        #expect(SyscallTable.definitions[57]!.handler(process, [3, 0, 0, 0, 0, 0]) == .value(0))
        #expect(IOSyscalls.read(process, [3, 0x11100, 1]) == .value(-9))
    }

    @Test func deniedAndMissingPaths() throws {
        #expect(try openat("../outside.txt") == .value(-13))
        #expect(try openat("link") == .value(-13))
        #expect(try openat("nope") == .value(-2))
        #expect(try openat("a.txt", flags: 0o1) == .value(-13), "no --fs-write")
        #expect(FileSyscalls.openat(process, [atCWD, 0, 0, 0]) == .value(-14))
        #expect(try openat("a.txt", dirfd: 1) == .value(-20), "stdout is not a directory")
        #expect(try openat("a.txt", dirfd: 77) == .value(-9))
    }

    @Test func directoriesListAndNestedOpens() throws {
        #expect(try openat("sub", flags: 0o200000) == .value(3))
        #expect(try openat("b.txt", dirfd: 3) == .value(4))
        #expect(IOSyscalls.read(process, [4, 0x11100, 64]) == .value(3))
        #expect(try openat(".", flags: 0o200000) == .value(5))
        guard case .value(let n) = FileSyscalls.getdents64(process, [5, 0x11100, 1024]), n > 0 else {
            Issue.record("getdents64 returned nothing")
            return
        }
        var names: [String] = []
        var offset: UInt64 = 0
        while offset < UInt64(n) {
            let record = try #require(process.peek(0x11100 + offset, count: 19))
            let length = UInt64(record[16]) | UInt64(record[17]) << 8
            names.append(try #require(process.peekString(0x11100 + offset + 19)))
            offset += length
        }
        #expect(Set(names) == [".", "..", "a.txt", "sub", "link", "subl"])
    }

    @Test func statAccessCwdAndLinks() throws {
        #expect(FileStatusSyscalls.newfstatat(process, [atCWD, try path("sub/b.txt"), 0x11200, 0]) == .value(0))
        #expect(process.peekWord(0x11230) == 3)
        #expect(FileStatusSyscalls.newfstatat(process, [atCWD, try path("link"), 0x11200, 0]) == .value(-13))
        #expect(FileStatusSyscalls.newfstatat(process, [atCWD, try path("link"), 0x11200, 0x100]) == .value(0))
        #expect(FileSyscalls.faccessat(process, [atCWD, try path("a.txt"), 4]) == .value(0))
        #expect(FileSyscalls.faccessat(process, [atCWD, try path("a.txt"), 2]) == .value(-13))
        #expect(FileSyscalls.faccessat(process, [atCWD, try path("gone"), 0]) == .value(-2))
        let resolved = try #require(realpath(tree.root, nil))
        let root = String(cString: resolved)
        free(resolved)
        #expect(FileSyscalls.getcwd(process, [0x11100, 4096]) == .value(Int64(root.utf8.count + 1)))
        #expect(process.peekString(0x11100) == root)
        #expect(FileSyscalls.getcwd(process, [0x11100, 2]) == .value(-34))
        let exe = try #require(realpath("/bin/true", nil))
        let exePath = String(cString: exe)
        free(exe)
        #expect(FileSyscalls.readlinkat(process, [atCWD, try path("/proc/self/exe"), 0x11100, 256]) == .value(Int64(exePath.utf8.count)))
        #expect(process.peek(0x11100, count: exePath.utf8.count) == Array(exePath.utf8))
        #expect(FileSyscalls.readlinkat(process, [atCWD, try path("link"), 0x11100, 256]) == .value(-13))
        #expect(FileSyscalls.readlinkat(process, [atCWD, try path("a.txt"), 0x11100, 256]) == .value(-22))
    }

    @Test func dupDup3AndFcntl() throws {
        #expect(try openat("a.txt") == .value(3))
        #expect(SyscallTable.definitions[23]!.handler(process, [3, 0, 0, 0, 0, 0]) == .value(4))
        #expect(FileSyscalls.dup3(process, [3, 9, 0]) == .value(9))
        #expect(FileSyscalls.dup3(process, [3, 3, 0]) == .value(-22))
        #expect(SyscallTable.definitions[57]!.handler(process, [3, 0, 0, 0, 0, 0]) == .value(0))
        #expect(IOSyscalls.read(process, [9, 0x11100, 5]) == .value(5), "a dup outlives the original")
        #expect(FileSyscalls.fcntl(process, [9, 1030, 20]) == .value(20))
        #expect(FileSyscalls.fcntl(process, [9, 3, 0]) == .value(0o100000), "O_RDONLY | O_LARGEFILE")
        #expect(FileSyscalls.fcntl(process, [9, 999, 0]) == .value(-22))
        #expect(FileSyscalls.dup3(process, [1, 2, 0]) == .value(2), "stdout onto stderr")
    }
}
