import Testing
@testable import Kernel
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileStatusSyscallsTests {
    let process: Process
    var fds: [Int32] = [0, 0]

    init() throws {
        process = try Fixtures.process()
        #expect(pipe(&fds) == 0)
        process.files.install(.host(HostDescriptor(rawValue: fds[0])), at: 8)
        process.files.install(.host(HostDescriptor(rawValue: fds[1])), at: 9)
    }

    func closePipe() {
        close(fds[0])
        close(fds[1])
    }

    @Test func fstatUsesTheRiscv64Layout() throws {
        defer { closePipe() }
        #expect(FileStatusSyscalls.fstat(process, fd: 9, buffer: 0x11100) == .value(0))
        let modeAndLinks = try #require(process.peekWord(0x11110))
        #expect(modeAndLinks & 0o170000 == 0o010000, "a pipe is S_IFIFO")
        #expect(FileStatusSyscalls.fstat(process, fd: 5, buffer: 0x11100) == .value(-9))
        #expect(FileStatusSyscalls.fstat(process, fd: 9, buffer: 0x10000) == .value(-14))
        try process.copyOut([0], to: 0x11000).get()
        #expect(process.syscall("newfstatat", [9, 0x11000, 0x11100, 0x1000]) == .value(0))
        try process.copyOut(Array("/etc/passwd".utf8) + [0], to: 0x11000).get()
        #expect(process.syscall("newfstatat", [UInt64(bitPattern: -100), 0x11000, 0x11100, 0]) == .value(-2), "absolute paths resolve inside the sandbox root, which has no /etc/passwd")
    }

    @Test func ioctlAsksTheHostSoAPipeIsNotATerminal() {
        defer { closePipe() }
        #expect(process.syscall("ioctl", [9, 0x5401, 0x11100]) == .value(-25))
        #expect(process.syscall("ioctl", [9, 0x1234, 0x11100]) == .value(-25))
        #expect(process.syscall("ioctl", [5, 0x5401, 0x11100]) == .value(-9))
    }

    @Test func closedDescriptorsAreBad() {
        defer { closePipe() }
        let close = SyscallTable.definitions[57]!
        #expect(close.run(process, [9, 0, 0, 0, 0, 0]) == .value(0))
        #expect(close.run(process, [9, 0, 0, 0, 0, 0]) == .value(-9))
        #expect(process.syscall("write", [9, 0x11000, 1]) == .value(-9))
    }

    @Test func readvFillsEachBufferInTurn() throws {
        defer { closePipe() }
        let text = Array("abcdefgh".utf8)
        #expect(write(fds[1], text, text.count) == 8)
        try process.copyOut(GuestBytes.words(0x11200, 3, 0x11300, 10), to: 0x11100).get()
        #expect(process.syscall("readv", [8, 0x11100, 2]) == .value(8))
        #expect(process.peek(0x11200, count: 3) == Array("abc".utf8))
        #expect(process.peek(0x11300, count: 5) == Array("defgh".utf8))
        try process.copyOut(GuestBytes.words(0x10000, 3), to: 0x11100).get()
        #expect(process.syscall("readv", [8, 0x11100, 1]) == .value(-14), "text is not writable")
    }
}
