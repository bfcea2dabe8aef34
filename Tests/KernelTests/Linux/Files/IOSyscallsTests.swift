import Testing
@testable import Kernel

/// The iovec arithmetic of read, readv, write and writev.
@Suite struct IOSyscallsTests {
    let pieces: [(UInt64, Int)] = [(0x1000, 10), (0x2000, 0), (0x3000, 5)]

    func remaining(after skipped: Int64) -> [[UInt64]] {
        IOSyscalls.remaining(pieces, after: skipped).map { [$0.0, UInt64($0.1)] }
    }

    @Test func aBlockedPipeWriteGoesOnAfterWhatItWrote() {
        #expect(remaining(after: 0) == [[0x1000, 10], [0x3000, 5]], "empty pieces are dropped")
        #expect(remaining(after: 4) == [[0x1004, 6], [0x3000, 5]])
        #expect(remaining(after: 10) == [[0x3000, 5]])
        #expect(remaining(after: 12) == [[0x3002, 3]])
        #expect(remaining(after: 15) == [])
    }

    @Test func oneReadOrWriteMovesAtMostLinuxsMaximum() {
        #expect(IOSyscalls.maxTransfer == Int(Int32.max) & ~0xfff)
        #expect(IOSyscalls.readChunk == 65536, "a pipe's capacity")
    }
}
