import Testing
@testable import Kernel

@Suite struct RemapSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process() }

    func mmap(_ hint: UInt64, _ length: UInt64) -> SyscallResult {
        process.syscall("mmap", [hint, length, 3, 0x22, UInt64(bitPattern: -1), 0])
    }

    func mremap(_ old: UInt64, _ oldSize: UInt64, _ newSize: UInt64, flags: UInt64 = 1) -> SyscallResult {
        process.syscall("mremap", [old, oldSize, newSize, flags, 0])
    }

    @Test func growsInPlaceWhenThePagesAfterAreFree() throws {
        #expect(mmap(0x4000_0000, 4096) == .value(0x4000_0000))
        #expect(mremap(0x4000_0000, 4096, 3 * 4096, flags: 0) == .value(0x4000_0000))
        #expect(process.addressSpace.region(containing: 0x4000_2000)?.region.kind == .mmap)
    }

    @Test func movesWhenBlockedAndOnlyWithMayMove() throws {
        #expect(mmap(0x4000_0000, 4096) == .value(0x4000_0000))
        #expect(mmap(0x4000_1000, 4096) == .value(0x4000_1000))
        #expect(mremap(0x4000_0000, 4096, 8192, flags: 0) == .value(-12))
        guard case .value(let moved) = mremap(0x4000_0000, 4096, 8192), moved > 0 else {
            Issue.record("expected a move")
            return
        }
        #expect(UInt64(moved) != 0x4000_0000)
        #expect(process.addressSpace.region(containing: 0x4000_0000) == nil)
        #expect(process.addressSpace.region(containing: UInt64(moved) + 4096)?.region.kind == .mmap)
    }

    @Test func shrinksInPlaceAndRejectsBadRequests() throws {
        #expect(mmap(0x4000_0000, 3 * 4096) == .value(0x4000_0000))
        #expect(mremap(0x4000_0000, 3 * 4096, 4096) == .value(0x4000_0000))
        #expect(process.addressSpace.region(containing: 0x4000_1000) == nil)
        #expect(mremap(0x5000_0000, 4096, 8192) == .value(-14), "not mapped")
        #expect(mremap(0x4000_0001, 4096, 8192) == .value(-22))
        #expect(mremap(0x4000_0000, 4096, 0) == .value(-22))
        #expect(mremap(0x4000_0000, 4096, 8192, flags: 3) == .value(-22), "MREMAP_FIXED")
        #expect(mremap(0x3F_FFFF_E000, 4096, 8192) == .value(-22), "the stack is not remapped")
    }

    @Test func madviseDontNeedOnUntouchedPagesAndHoles() {
        #expect(mmap(0x4000_0000, 8192) == .value(0x4000_0000))
        #expect(process.syscall("madvise", [0x4000_0000, 8192, 4]) == .value(0))
        #expect(process.syscall("madvise", [0x4000_0000, 8192, 0]) == .value(0))
        #expect(process.syscall("madvise", [0x4000_1000, 8192, 4]) == .value(-12))
        #expect(process.syscall("madvise", [0x4000_0001, 8192, 4]) == .value(-22))
    }
}
