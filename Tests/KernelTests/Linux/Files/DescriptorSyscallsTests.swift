import Testing
@testable import Kernel

@Suite struct DescriptorSyscallsTests {
    let tree: SandboxTree
    init() throws { tree = try SandboxTree() }

    @Test func dupSharesTheOffsetAndCloseReleases() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let fd = try process.open("file.txt")
        let copy = process.call(23, UInt64(fd))
        #expect(copy == fd + 1)
        #expect(process.readText(fd, count: 6) == "hello ")
        #expect(process.readText(copy, count: 7) == "sandbox", "one open file, one offset")
        #expect(process.call(57, UInt64(fd)) == 0)
        #expect(process.readText(copy, count: 1) == "\n", "the copy stays open")
        #expect(process.call(63, UInt64(fd), Scratch.buffer, 1) == GuestErrno.EBADF)
        #expect(try process.open("sub/inner.txt") == fd, "the lowest free descriptor again")
        #expect(process.call(23, 99) == GuestErrno.EBADF)
    }

    @Test func dup3ReplacesTheTarget() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let fd = try process.open("file.txt")
        #expect(process.call(24, UInt64(fd), 1, 0) == 1, "over stdout")
        #expect(process.readText(1, count: 5) == "hello")
        #expect(process.call(24, UInt64(fd), UInt64(fd), 0) == GuestErrno.EINVAL)
        #expect(process.call(24, UInt64(fd), 5, 0x4) == GuestErrno.EINVAL, "only O_CLOEXEC")
        #expect(process.call(24, UInt64(fd), 5, OpenFlags.closeOnExec) == 5)
        #expect(process.call(25, 5, 1, 0) == 1, "F_GETFD: FD_CLOEXEC")
        #expect(process.call(24, 42, 5, 0) == GuestErrno.EBADF)
    }

    @Test func fcntlCommands() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let fd = try process.open("file.txt", flags: OpenFlags.closeOnExec)
        #expect(process.call(25, UInt64(fd), 1, 0) == 1, "F_GETFD after O_CLOEXEC")
        #expect(process.call(25, UInt64(fd), 2, 0) == 0)
        #expect(process.call(25, UInt64(fd), 1, 0) == 0, "F_SETFD cleared it")
        #expect(process.call(25, UInt64(fd), 0, 10) == 10, "F_DUPFD from 10")
        #expect(process.call(25, UInt64(fd), 1030, 10) == 11, "F_DUPFD_CLOEXEC")
        #expect(process.call(25, 11, 1, 0) == 1)
        let flags = UInt64(bitPattern: process.call(25, UInt64(fd), 3, 0))
        #expect(flags & OpenFlags.accessModeMask == 0, "F_GETFL: O_RDONLY")
        #expect(process.call(25, UInt64(fd), 4, OpenFlags.nonBlocking) == 0)
        #expect(UInt64(bitPattern: process.call(25, UInt64(fd), 3, 0)) & OpenFlags.nonBlocking != 0, "F_SETFL set O_NONBLOCK")
        #expect(process.call(25, UInt64(fd), 5, 0) == Errno.EFAULT.negated, "F_GETLK of a null struct flock")
        #expect(process.call(25, UInt64(fd), 1032, 0) == GuestErrno.EBADF, "F_GETPIPE_SZ of a file")
        #expect(process.call(25, UInt64(fd), 1031, 1 << 40) == GuestErrno.EINVAL, "F_SETPIPE_SZ past 2^31")
        #expect(process.call(25, 99, 1, 0) == GuestErrno.EBADF)
        let directory = try process.open("sub", flags: OpenFlags.directory)
        #expect(UInt64(bitPattern: process.call(25, UInt64(directory), 3, 0)) & OpenFlags.directory != 0)
    }

    @Test func openFlagsTranslateBothWays() {
        let guest = OpenFlags.readWrite | OpenFlags.create | OpenFlags.exclusive | OpenFlags.truncate | OpenFlags.append
            | OpenFlags.nonBlocking | OpenFlags.directory | OpenFlags.noFollow | OpenFlags.closeOnExec
        #expect(HostOpenFlags(guest: guest).guest == guest)
        let sync = OpenFlags.syncBit | OpenFlags.dataSync
        #expect(HostOpenFlags(guest: sync).guest == sync, "O_SYNC")
        #expect(HostOpenFlags(guest: 0o4000_0000_0000) == [], "unknown bits are dropped")
        #expect(OpenFlags.wantsWrite(OpenFlags.writeOnly) && OpenFlags.wantsWrite(OpenFlags.create))
        #expect(!OpenFlags.wantsWrite(OpenFlags.directory | OpenFlags.closeOnExec))
    }

    @Test func ioctlOnAFileIsNotATerminal() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let fd = try process.open("file.txt")
        #expect(process.call(29, UInt64(fd), 0x5401, Scratch.buffer) == -25, "ENOTTY, so isatty is false")
    }
}
