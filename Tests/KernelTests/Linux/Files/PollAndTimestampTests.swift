import Foundation
import Testing
@testable import Kernel

@Suite struct PollAndTimestampTests {
    let tree: SandboxTree
    init() throws { tree = try SandboxTree() }

    /// Writes `struct pollfd` records at `Scratch.buffer`.
    func putPollRecords(_ process: Kernel.Process, _ records: [(fd: Int32, events: Int16)]) throws {
        var bytes: [UInt8] = []
        for r in records {
            bytes += withUnsafeBytes(of: r.fd.littleEndian, Array.init)
            bytes += withUnsafeBytes(of: r.events.littleEndian, Array.init) + [0, 0]
        }
        try process.copyOut(bytes, to: Scratch.buffer).get()
    }

    func revents(_ process: Kernel.Process, _ index: Int) -> Int16 {
        let bytes = process.peek(Scratch.buffer + UInt64(index * 8 + 6), count: 2) ?? [0xff, 0xff]
        return Int16(bitPattern: UInt16(bytes[0]) | UInt16(bytes[1]) << 8)
    }

    @Test func ppollReportsReadyFilesClosedDescriptorsAndSkipsNegativeOnes() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let fd = try process.open("file.txt")
        try putPollRecords(process, [(Int32(fd), 1), (77, 1), (-1, 1)])
        #expect(process.call(73, Scratch.buffer, 3, 0, 0, 8) == 2)
        #expect(revents(process, 0) == 1, "a regular file is readable (POLLIN)")
        #expect(revents(process, 1) == 0x20, "a closed descriptor is POLLNVAL")
        #expect(revents(process, 2) == 0, "a negative fd is skipped")
        #expect(process.call(73, Scratch.buffer, 2000, 0, 0, 8) == GuestErrno.EINVAL)
        #expect(process.call(73, 0x10, 1, 0, 0, 8) == -14, "EFAULT")
    }

    @Test func ppollWithAHugeTimeoutDoesNotOverflow() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let fd = try process.open("file.txt")
        try putPollRecords(process, [(Int32(fd), 1)])
        try process.copyOut(GuestBytes.words(UInt64(Int64.max / 100), 0), to: Scratch.path).get()
        #expect(process.call(73, Scratch.buffer, 1, Scratch.path, 0, 8) == 1, "a ready file answers at once")
        try process.copyOut(GuestBytes.words(UInt64(Int64.max), 999_999_999), to: Scratch.path).get()
        #expect(process.call(73, Scratch.buffer, 1, Scratch.path, 0, 8) == 1)
        for (seconds, nanoseconds, expected) in [(UInt64(Int64.max / 100), UInt64(0), UInt64.max / 2),
                                                 (UInt64(Int64.max), 999_999_999, UInt64.max / 2),
                                                 (2, 1, 2_000_000_001), (0, 0, 0)] {
            try process.copyOut(GuestBytes.words(seconds, nanoseconds), to: Scratch.path).get()
            #expect(try PollSyscalls.timeoutArgument(process, Scratch.path) == expected, "\(seconds) s \(nanoseconds) ns")
        }
    }

    @Test func utimensatNeedsWritesAndReportsMissingFilesFirst() throws {
        defer { tree.remove() }
        let readOnly = try tree.process()
        #expect(readOnly.call(88, UInt64(bitPattern: -100), try readOnly.guestPath("no-such-file"), 0, 0) == GuestErrno.ENOENT)
        #expect(readOnly.call(88, UInt64(bitPattern: -100), try readOnly.guestPath("file.txt"), 0, 0) == GuestErrno.EACCES)

        let writable = try tree.process(allowWrites: true)
        let times: [UInt8] = [1000, 0, 2000, 0].flatMap { (v: UInt64) in withUnsafeBytes(of: v.littleEndian, Array.init) }
        try writable.copyOut(times, to: Scratch.buffer).get()
        #expect(writable.call(88, UInt64(bitPattern: -100), try writable.guestPath("file.txt"), Scratch.buffer, 0) == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: tree.root + "/file.txt")
        #expect((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 == 2000)
        #expect(writable.call(88, UInt64(bitPattern: -100), try writable.guestPath("file.txt"), 0, 0x4) == GuestErrno.EINVAL)
    }

    @Test func devNullIsWritableWithoutFsWrite() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let fd = try process.open("/dev/null", flags: OpenFlags.writeOnly)
        #expect(fd >= 3)
        try process.copyOut(Array("gone".utf8), to: Scratch.buffer).get()
        #expect(process.call(64, UInt64(fd), Scratch.buffer, 4) == 4)
        #expect(try process.open("/dev/nullx", flags: OpenFlags.writeOnly) == GuestErrno.ENOENT)
        #expect(try process.open("../../dev/null") >= 3, "the same device by a clamped path")
    }

    @Test func wait4WithoutChildren() throws {
        defer { tree.remove() }
        let process = try tree.process()
        #expect(process.call(260, UInt64(bitPattern: -1), 0, 0, 0) == -10, "wait4 with no children: ECHILD")
    }
}
