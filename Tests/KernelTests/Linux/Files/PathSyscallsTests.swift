#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Kernel

@Suite struct PathSyscallsTests {
    let tree: SandboxTree
    init() throws { tree = try SandboxTree() }

    @Test func newfstatatFillsTheStatOfAPath() throws {
        defer { tree.remove() }
        let process = try tree.process()
        #expect(process.call(79, UInt64(bitPattern: -100), try process.guestPath("file.txt"), Scratch.buffer, 0) == 0)
        #expect(process.peekWord(Scratch.buffer + 48) == 14, "st_size")
        #expect(try #require(process.peekWord(Scratch.buffer + 16)) & 0o170000 == 0o100000, "S_IFREG")
        #expect(process.call(79, UInt64(bitPattern: -100), try process.guestPath("inside-link"), Scratch.buffer, 0x100) == 0)
        #expect(try #require(process.peekWord(Scratch.buffer + 16)) & 0o170000 == 0o120000, "AT_SYMLINK_NOFOLLOW: S_IFLNK")
        #expect(process.call(79, UInt64(bitPattern: -100), try process.guestPath("inside-link"), Scratch.buffer, 0) == 0)
        #expect(process.peekWord(Scratch.buffer + 48) == 6, "followed to inner.txt")
        #expect(process.call(79, UInt64(bitPattern: -100), try process.guestPath("escape"), Scratch.buffer, 0) == GuestErrno.ENOENT)
        #expect(process.call(79, UInt64(bitPattern: -100), try process.guestPath("file.txt"), Scratch.buffer, 0x4) == GuestErrno.EINVAL)
        #expect(process.call(79, UInt64(bitPattern: -100), try process.guestPath(""), Scratch.buffer, 0) == GuestErrno.ENOENT)
        #expect(process.call(79, UInt64(bitPattern: -100), try process.guestPath("file.txt"), 0x10000, 0) == -14, "EFAULT")
        let fd = try process.open("sub/inner.txt")
        #expect(process.call(79, UInt64(fd), try process.guestPath(""), Scratch.buffer, 0x1000) == 0, "AT_EMPTY_PATH")
        #expect(process.peekWord(Scratch.buffer + 48) == 6)
        #expect(process.call(80, UInt64(fd), Scratch.buffer) == 0, "fstat of an opened file")
        #expect(process.peekWord(Scratch.buffer + 48) == 6)
    }

    @Test func getdents64ListsADirectory() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let sub = try process.open("sub", flags: OpenFlags.directory)
        let n = process.call(61, UInt64(sub), Scratch.buffer, 1024)
        #expect(n > 0)
        let bytes = try #require(process.peek(Scratch.buffer, count: Int(n)))
        var names: [String] = []
        var offset = 0
        while offset < bytes.count {
            let length = Int(bytes[offset + 16]) | Int(bytes[offset + 17]) << 8
            let name = bytes[(offset + 19)..<(offset + length)].prefix { $0 != 0 }
            names.append(String(decoding: name, as: UTF8.self))
            offset += length
        }
        #expect(names.sorted() == [".", "..", "inner.txt"])
        #expect(process.call(61, UInt64(sub), Scratch.buffer, 1024) == 0, "end of directory")
        #expect(process.call(62, UInt64(sub), 0, 0) == 0, "lseek rewinds a directory")
        #expect(process.call(61, UInt64(sub), Scratch.buffer, 1024) == n)
        let file = try process.open("file.txt")
        #expect(process.call(61, UInt64(file), Scratch.buffer, 1024) == GuestErrno.ENOTDIR)
        #expect(process.call(61, UInt64(sub), 0x10000, 1024) == -14)
    }

    @Test func lseekAndPread() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let fd = try process.open("file.txt")
        #expect(process.call(62, UInt64(fd), 6, 0) == 6)
        #expect(process.readText(fd, count: 7) == "sandbox")
        #expect(process.call(62, UInt64(fd), UInt64(bitPattern: -3), 2) == 11, "SEEK_END")
        #expect(process.call(67, UInt64(fd), Scratch.buffer, 5, 0) == 5)
        #expect(process.peek(Scratch.buffer, count: 5) == Array("hello".utf8))
        #expect(process.call(62, UInt64(fd), 0, 1) == 11, "pread64 leaves the offset alone")
        #expect(process.call(62, UInt64(fd), 0, 9) == GuestErrno.EINVAL)
    }

    @Test func sendfileCopiesBetweenDescriptors() throws {
        defer { tree.remove() }
        let process = try tree.process()
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        process.files.install(.host(HostDescriptor(rawValue: fds[1])), at: 9)
        let fd = try process.open("file.txt")
        try process.copyOut(GuestBytes.words(6), to: Scratch.buffer).get()
        #expect(process.call(71, 9, UInt64(fd), Scratch.buffer, 7) == 7)
        #expect(process.peekWord(Scratch.buffer) == 13, "the offset moved on")
        #expect(process.call(71, 9, UInt64(fd), 0, 5) == 5, "from the file's own offset, still 0")
        var received = [UInt8](repeating: 0, count: 12)
        #expect(read(fds[0], &received, 12) == 12)
        #expect(String(decoding: received, as: UTF8.self) == "sandboxhello")
        #expect(process.call(71, 9, UInt64(fd), 0x10000, 5) == -14)
        #expect(process.call(71, 9, 77, 0, 5) == GuestErrno.EBADF)
    }

    @Test func readlinkatAndProcSelfExe() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let exe = FileSystemSandbox.absolute("bin/prog")
        let n = process.call(78, UInt64(bitPattern: -100), try process.guestPath("/proc/self/exe"), Scratch.buffer, 256)
        #expect(n == Int64(exe.utf8.count))
        #expect(process.peek(Scratch.buffer, count: Int(n)) == Array(exe.utf8))
        #expect(process.call(78, UInt64(bitPattern: -100), try process.guestPath("escape"), Scratch.buffer, 256) == 14)
        #expect(process.peek(Scratch.buffer, count: 14) == Array("../outside.txt".utf8), "a link's text as stored")
        #expect(process.call(78, UInt64(bitPattern: -100), try process.guestPath("escape"), Scratch.buffer, 3) == 3, "truncated")
        #expect(process.call(78, UInt64(bitPattern: -100), try process.guestPath("file.txt"), Scratch.buffer, 256) == GuestErrno.EINVAL)
        #expect(process.call(78, UInt64(bitPattern: -100), try process.guestPath("nothing"), Scratch.buffer, 256) == GuestErrno.ENOENT)
        #expect(process.call(78, UInt64(bitPattern: -100), try process.guestPath("escape"), Scratch.buffer, 0) == GuestErrno.EINVAL)
    }

    @Test func getcwdReportsTheRootsHostPath() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let expected = try #require(Host.realPath(tree.root))
        #expect(process.call(17, Scratch.buffer, 4096) == Int64(expected.utf8.count + 1))
        #expect(process.peekString(Scratch.buffer) == expected)
        #expect(process.call(17, Scratch.buffer, 3) == GuestErrno.ERANGE)
        #expect(process.call(49, try process.guestPath("sub")) == 0, "chdir")
        #expect(process.call(17, Scratch.buffer, 4096) == Int64(expected.utf8.count + 5))
        #expect(process.peekString(Scratch.buffer) == expected + "/sub")
        #expect(process.readText(try process.open("inner.txt")) == "inner\n", "relative to the new directory")
        #expect(process.readText(try process.open("../file.txt")) == "hello sandbox\n")
        #expect(process.call(49, try process.guestPath("../..")) == 0, "`..` stops at the root")
        #expect(process.call(17, Scratch.buffer, 4096) == Int64(expected.utf8.count + 1))
        #expect(process.peekString(Scratch.buffer) == expected)
        #expect(process.call(49, try process.guestPath("file.txt")) == GuestErrno.ENOTDIR)
        #expect(process.call(49, try process.guestPath("nothing")) == GuestErrno.ENOENT)
        let sub = try process.open("/sub", flags: OpenFlags.directory)
        #expect(process.call(50, UInt64(sub)) == 0, "fchdir")
        #expect(process.readText(try process.open("inner.txt")) == "inner\n")
        #expect(process.call(50, UInt64(try process.open("/file.txt"))) == GuestErrno.ENOTDIR)
        #expect(process.call(17, 0x10000, 4096) == -14)
    }

    @Test func faccessatChecksExistenceAndRefusesWriteAccess() throws {
        defer { tree.remove() }
        let process = try tree.process()
        #expect(process.call(48, UInt64(bitPattern: -100), try process.guestPath("file.txt"), 0) == 0)
        #expect(process.call(48, UInt64(bitPattern: -100), try process.guestPath("file.txt"), 4) == 0, "R_OK")
        #expect(process.call(48, UInt64(bitPattern: -100), try process.guestPath("file.txt"), 2) == GuestErrno.EACCES)
        #expect(process.call(48, UInt64(bitPattern: -100), try process.guestPath("escape"), 0) == GuestErrno.ENOENT)
        #expect(process.call(439, UInt64(bitPattern: -100), try process.guestPath("escape"), 0, 0x100) == 0, "the link itself")
        #expect(process.call(439, UInt64(bitPattern: -100), try process.guestPath("file.txt"), 8, 0) == GuestErrno.EINVAL)
        let writable = try tree.process(allowWrites: true)
        #expect(writable.call(48, UInt64(bitPattern: -100), try writable.guestPath("file.txt"), 2) == 0)
    }

    /// The riscv64 `struct stat` layout, field by field.
    @Test func statPacksEveryFieldAtItsOffset() {
        var host = stat()
        host.st_dev = 0x0102; host.st_ino = 0x0304; host.st_mode = 0o100644; host.st_nlink = 3
        host.st_uid = 1000; host.st_gid = 1001; host.st_rdev = 0x0506; host.st_size = 0x0708
        host.st_blksize = 4096; host.st_blocks = 16
        host.st_atim = timespec(tv_sec: 11, tv_nsec: 12); host.st_mtim = timespec(tv_sec: 21, tv_nsec: 22)
        host.st_ctim = timespec(tv_sec: 31, tv_nsec: 32)
        let bytes = FileStatusSyscalls.riscv64Stat(HostFileStatus(host))
        func u64(_ offset: Int) -> UInt64 { GuestBytes.word(bytes, at: offset) }
        func u32(_ offset: Int) -> UInt64 { u64(offset) & 0xFFFF_FFFF }
        #expect(bytes.count == 128)
        #expect(u64(0) == 0x0102 && u64(8) == 0x0304)
        #expect(u32(16) == 0o100644 && u32(20) == 3 && u32(24) == 1000 && u32(28) == 1001)
        #expect(u64(32) == 0x0506 && u64(40) == 0, "st_rdev, __pad1")
        #expect(u64(48) == 0x0708 && u32(56) == 4096 && u32(60) == 0 && u64(64) == 16)
        #expect([u64(72), u64(80), u64(88), u64(96), u64(104), u64(112)] == [11, 12, 21, 22, 31, 32])
        #expect(u64(120) == 0)
    }
}
