import Testing
@testable import Kernel

/// pipe2 on a loaded process (no scheduler: one task).
@Suite struct PipeTests {
    let process: Process
    init() throws { process = try Fixtures.process() }

    func descriptors() -> (Int64, Int64) {
        (Int64(Int32(truncatingIfNeeded: process.peekWord(Scratch.buffer)! & 0xffff_ffff)),
         Int64(Int32(truncatingIfNeeded: process.peekWord(Scratch.buffer)! >> 32)))
    }

    @Test func aPipeCarriesBytesAndEndsWithEOF() throws {
        #expect(process.call(59, Scratch.buffer, 0) == 0)
        let (reader, writer) = descriptors()
        #expect((reader, writer) == (3, 4))
        try process.copyOut(Array("data".utf8), to: Scratch.path).get()
        #expect(process.call(64, UInt64(writer), Scratch.path, 4) == 4)
        #expect(process.call(63, UInt64(reader), Scratch.path + 0x100, 64) == 4)
        #expect(process.peek(Scratch.path + 0x100, count: 4) == Array("data".utf8))
        #expect(process.call(57, UInt64(writer)) == 0)
        #expect(process.call(63, UInt64(reader), Scratch.path + 0x100, 64) == 0, "EOF once the writer closed")
    }

    @Test func anEmptyNonBlockingReadIsEAGAINAndABlockingOneWaits() throws {
        #expect(process.call(59, Scratch.buffer, 0o4000) == 0)
        let (reader, _) = descriptors()
        #expect(process.call(63, UInt64(reader), Scratch.path, 8) == Errno.EAGAIN.negated)
        #expect(process.call(25, UInt64(reader), 3) & 0o4000 != 0, "F_GETFL reports O_NONBLOCK")
        #expect(process.call(25, UInt64(reader), 4, 0) == 0)
        #expect(process.call(25, UInt64(reader), 3) & 0o4000 == 0)
        guard case .block(let condition) = process.syscall("read", [UInt64(reader), Scratch.path, 8]) else {
            Issue.record("a blocking read of an empty pipe blocks the task")
            return
        }
        #expect(condition.descriptors.count == 1 && condition.descriptors[0].events == .input)
    }

    @Test func writingWithNoReaderIsEPIPEAndSIGPIPE() throws {
        #expect(process.call(59, Scratch.buffer, 0o2000000) == 0)
        let (reader, writer) = descriptors()
        #expect(process.call(25, UInt64(writer), 1) == 1, "O_CLOEXEC sets FD_CLOEXEC")
        #expect(process.call(57, UInt64(reader)) == 0)
        #expect(process.call(64, UInt64(writer), Scratch.path, 1) == Errno.EPIPE.negated)
        #expect(process.signals.pending == SignalState.bit(Signal.pipe))
    }

    @Test func badFlagsAndPointersAreRefused() {
        #expect(process.call(59, Scratch.buffer, 1) == GuestErrno.EINVAL)
        #expect(process.call(59, 0, 0) == Errno.EFAULT.negated)
        #expect(process.files.openDescriptors == [0, 1, 2], "nothing was opened")
    }
}
