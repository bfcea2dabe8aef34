import Testing
@testable import Kernel
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileWriteSyscallsTests {
    let tree = TemporaryTree()
    let atCWD = UInt64(bitPattern: -100)

    func process(writes: Bool) throws -> Process {
        var options = Fixtures.options()
        options.fileSystemRoot = tree.root
        options.allowFileWrites = writes
        return try Fixtures.process(options: options)
    }

    func path(_ text: String, in process: Process) throws -> UInt64 {
        try process.copyOut(Array(text.utf8) + [0], to: 0x11800).get()
        return 0x11800
    }

    @Test func everyChangeNeedsFsWrite() throws {
        let process = try process(writes: false)
        #expect(SyscallTable.definitions[35]!.run(process, [atCWD, try path("a.txt", in: process), 0, 0, 0, 0]) == .value(-13))
        #expect(SyscallTable.definitions[34]!.run(process, [atCWD, try path("newdir", in: process), 0o755, 0, 0, 0]) == .value(-13))
        #expect(tree.read(tree.root + "/a.txt") == "hello")
    }

    @Test func createWriteTruncateAndRemove() throws {
        let process = try process(writes: true)
        let created = SyscallTable.definitions[56]!.run(process, [atCWD, try path("w.txt", in: process), 0o1 | 0o100, 0o644, 0, 0])
        #expect(created == .value(3))
        try process.copyOut(Array("abcdef".utf8), to: 0x11000).get()
        #expect(process.syscall("write", [3, 0x11000, 6]) == .value(6))
        #expect(process.syscall("pwrite64", [3, 0x11000, 2, 4]) == .value(2))
        #expect(tree.read(tree.root + "/w.txt") == "abcdab")
        #expect(SyscallTable.definitions[46]!.run(process, [3, 3, 0, 0, 0, 0]) == .value(0))
        #expect(tree.read(tree.root + "/w.txt") == "abc")
        #expect(SyscallTable.definitions[82]!.run(process, [3, 0, 0, 0, 0, 0]) == .value(0))
        #expect(SyscallTable.definitions[35]!.run(process, [atCWD, try path("w.txt", in: process), 0, 0, 0, 0]) == .value(0))
        #expect(tree.read(tree.root + "/w.txt") == nil)
        #expect(SyscallTable.definitions[35]!.run(process, [atCWD, try path("../outside.txt", in: process), 0, 0, 0, 0]) == .value(-2),
                "`..` stops at the root, where there is no outside.txt")
        #expect(tree.read(tree.base + "/outside.txt") == "secret")
    }

    @Test func directoriesAndUmask() throws {
        let process = try process(writes: true)
        let umask = SyscallTable.definitions[166]!
        #expect(umask.run(process, [0o077, 0, 0, 0, 0, 0]) == .value(0o022))
        #expect(SyscallTable.definitions[34]!.run(process, [atCWD, try path("newdir", in: process), 0o777, 0, 0, 0]) == .value(0))
        var status = stat()
        #expect(stat(tree.root + "/newdir", &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)
        #expect(SyscallTable.definitions[34]!.run(process, [atCWD, try path("newdir", in: process), 0o777, 0, 0, 0]) == .value(-17))
        #expect(SyscallTable.definitions[35]!.run(process, [atCWD, try path("newdir", in: process), 0x200, 0, 0, 0]) == .value(0))
        #expect(SyscallTable.definitions[35]!.run(process, [atCWD, try path(".", in: process), 0x200, 0, 0, 0]) == .value(-22))
    }

    @Test func mknodMakesFilesAndFifosOnly() throws {
        let refused = try process(writes: false)
        #expect(refused.syscall("mknodat", [atCWD, try path("fifo", in: refused), 0o010600, 0]) == .error(.EACCES))
        let process = try process(writes: true)
        #expect(process.syscall("mknodat", [atCWD, try path("fifo", in: process), 0o010666, 0]) == .value(0))
        var status = stat()
        #expect(stat(tree.root + "/fifo", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFIFO && status.st_mode & 0o777 == 0o644, "the umask applies")
        #expect(process.syscall("mknodat", [atCWD, try path("file", in: process), 0o600, 0]) == .value(0))
        #expect(tree.read(tree.root + "/file") == "")
        #expect(process.syscall("mknodat", [atCWD, try path("file", in: process), 0o100600, 0]) == .error(.EEXIST))
        #expect(process.syscall("mknodat", [atCWD, try path("null", in: process), 0o020600, 0x103]) == .error(.EPERM), "no devices")
        #expect(process.syscall("mknodat", [atCWD, try path("odd", in: process), 0o170600, 0]) == .error(.EINVAL))
        #expect(stat(tree.root + "/null", &status) != 0)
    }
}
