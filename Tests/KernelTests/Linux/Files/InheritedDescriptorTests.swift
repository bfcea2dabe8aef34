import Foundation
import Testing
@testable import Kernel

/// The inherited descriptors 0-2 (`FileTable.Entry.host`) are streams: the guest reads and writes
/// them, and never truncates, re-times or otherwise changes the host file behind them, with or
/// without `--fs-write`.
@Suite struct InheritedDescriptorTests {
    let tree: SandboxTree
    init() throws { tree = try SandboxTree() }

    /// A process whose descriptor 1 is the host file `outside.txt` (outside the root), as after
    /// `tinyrv run prog >> outside.txt` (or `1<> outside.txt` with `O_RDWR`).
    func processWithStdout(allowWrites: Bool, hostFlags: Int32 = O_RDWR | O_APPEND) throws -> (Kernel.Process, Int32) {
        let process = try tree.process(allowWrites: allowWrites)
        let host = open(tree.base + "/outside.txt", hostFlags | O_CLOEXEC)
        try #require(host >= 0)
        process.files.install(.host(HostDescriptor(rawValue: host)), at: 1)
        return (process, host)
    }

    func modificationTime(_ path: String) -> Double? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date)?.timeIntervalSince1970
    }

    @Test(arguments: [false, true])
    func inheritedStreamsAreNeverTruncatedOrRetimed(allowWrites: Bool) throws {
        defer { tree.remove() }
        let (process, host) = try processWithStdout(allowWrites: allowWrites)
        defer { close(host) }
        let path = tree.base + "/outside.txt"
        let before = modificationTime(path)
        #expect(process.call(46, 1, 0) == GuestErrno.EINVAL, "ftruncate: EINVAL, as for a stream")
        #expect(process.call(46, 0x1_0000_0001, 0) == GuestErrno.EINVAL, "the low 32 bits name the descriptor")
        try process.copyOut(GuestBytes.words(1000, 0, 2000, 0), to: Scratch.buffer).get()
        #expect(process.call(88, 1, 0, Scratch.buffer, 0) == -1, "utimensat(fd, NULL, times): EPERM")
        #expect(process.call(88, 1, 0, 0, 0) == -1, "utimensat(fd, NULL, NULL): EPERM")
        try process.copyOut(Array("XY".utf8), to: Scratch.buffer).get()
        #expect(process.call(68, 1, Scratch.buffer, 2, 0) == -29, "pwrite64: ESPIPE, as for a stream")
        #expect(process.call(82, 1) == 0, "fsync changes nothing and succeeds")
        #expect(SandboxTree.contents(of: path) == "secret\n")
        #expect(modificationTime(path) == before)
        #expect(process.call(64, 1, Scratch.buffer, 2) == 2, "writing the stream still works")
        #expect(SandboxTree.contents(of: path) == "secret\nXY")
    }

    /// Opening /proc/self/fd/1 again gives the same stream, not a new open file that could be truncated.
    @Test(arguments: [false, true])
    func reopeningAnInheritedStreamGivesTheStreamItself(allowWrites: Bool) throws {
        defer { tree.remove() }
        let (process, host) = try processWithStdout(allowWrites: allowWrites)
        defer { close(host) }
        try process.copyOut(Array("/proc/self/fd/1\0".utf8), to: Scratch.path).get()
        let (readWrite, truncate) = (UInt64(2), UInt64(0o1000))
        let fd = process.call(56, UInt64(bitPattern: -100), Scratch.path, readWrite | truncate, 0)
        #expect(fd >= 3, "the reopen succeeds")
        #expect(SandboxTree.contents(of: tree.base + "/outside.txt") == "secret\n", "O_TRUNC truncated nothing")
        #expect(process.call(46, UInt64(fd), 0) == GuestErrno.EINVAL, "and ftruncate of the reopen is refused")
        #expect(SandboxTree.contents(of: tree.base + "/outside.txt") == "secret\n")
    }

    @Test(arguments: [false, true])
    func inheritedStreamsAreNeverWrittenThroughASharedMapping(allowWrites: Bool) throws {
        defer { tree.remove() }
        let (process, host) = try processWithStdout(allowWrites: allowWrites, hostFlags: O_RDWR)
        defer { close(host) }
        let (read, write, shared, privately) = (UInt64(1), UInt64(2), UInt64(1), UInt64(2))
        #expect(process.call(222, 0, 4096, read | write, shared, 1, 0) == -13, "MAP_SHARED, PROT_WRITE: EACCES")
        let mapped = process.call(222, 0, 4096, read, shared, 1, 0)
        #expect(mapped > 0, "reading through a shared mapping is fine")
        #expect(process.call(226, UInt64(mapped), 4096, read | write) == -13, "and mprotect cannot make it writable")
        let copy = process.call(222, 0, 4096, read | write, privately, 1, 0)
        #expect(copy > 0, "a private copy is fine")
        try process.copyOut(Array("XY".utf8), to: UInt64(copy)).get()
        #expect(process.call(215, UInt64(copy), 4096) == 0)
        #expect(SandboxTree.contents(of: tree.base + "/outside.txt") == "secret\n")
    }

    @Test(arguments: [false, true])
    func procSelfFdReopensForWritingOnlyWhatTheGuestMayWrite(allowWrites: Bool) throws {
        defer { tree.remove() }
        let (process, host) = try processWithStdout(allowWrites: allowWrites, hostFlags: O_RDWR)
        defer { close(host) }
        let truncating = OpenFlags.writeOnly | OpenFlags.truncate
        let stream = try process.open("/proc/self/fd/1", flags: truncating)
        #expect(stream >= 3, "an inherited stream opens as the stream itself (echo > /dev/stdout works)")
        #expect(process.call(46, UInt64(stream), 0) == GuestErrno.EINVAL, "which is never truncated")
        #expect(try process.open("/proc/self/fd/1") >= 3, "reading it again is fine")
        #expect(SandboxTree.contents(of: tree.base + "/outside.txt") == "secret\n")
        let file = try process.open("file.txt")
        let reopened = try process.open("/proc/self/fd/\(file)", flags: OpenFlags.readWrite)
        #expect(allowWrites ? reopened >= 3 : reopened == GuestErrno.EACCES, "a file inside the root: only with --fs-write")
    }

    @Test func dupsOfInheritedStreamsAreStreamsToo() throws {
        defer { tree.remove() }
        let (process, host) = try processWithStdout(allowWrites: true)
        defer { close(host) }
        let copy = process.call(23, 1)
        #expect(copy >= 3)
        #expect(process.call(46, UInt64(copy), 0) == GuestErrno.EINVAL)
        #expect(process.call(24, 1, 7, 0) == 7)
        #expect(process.call(46, 7, 0) == GuestErrno.EINVAL)
        #expect(SandboxTree.contents(of: tree.base + "/outside.txt") == "secret\n")
    }

    @Test func filesTheGuestOpenedStillChange() throws {
        defer { tree.remove() }
        let process = try tree.process(allowWrites: true)
        let fd = try process.open("file.txt", flags: OpenFlags.readWrite)
        #expect(process.call(46, UInt64(fd), 5) == 0)
        #expect(SandboxTree.contents(of: tree.root + "/file.txt") == "hello")
        try process.copyOut(GuestBytes.words(1000, 0, 2000, 0), to: Scratch.buffer).get()
        #expect(process.call(88, UInt64(fd), 0, Scratch.buffer, 0) == 0)
        #expect(modificationTime(tree.root + "/file.txt") == 2000)
    }
}
