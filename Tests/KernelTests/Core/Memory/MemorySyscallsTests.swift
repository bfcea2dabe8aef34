import Testing
@testable import Kernel

@Suite struct MemorySyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process() }

    func sbrk(_ increment: Int64) -> SyscallResult { process.syscall("sbrk", [UInt64(bitPattern: increment)]) }
    func brk(_ address: UInt64) -> SyscallResult { process.syscall("brk", [address]) }

    @Test func sbrkReturnsTheOldBreakAndGrowsContiguously() {
        #expect(sbrk(0) == .value(0x13000))
        #expect(sbrk(1) == .value(0x13000))
        #expect(sbrk(1) == .value(0x13001))
        #expect(sbrk(4096) == .value(0x13002))
        #expect(process.programBreak == 0x14002)
    }

    @Test func sbrkErrorsLeaveTheHeapUnchanged() {
        #expect(sbrk(100) == .value(0x13000))
        #expect(sbrk(-101) == .value(-22), "ERR_VM_INVALID is -EINVAL")
        #expect(process.programBreak == 0x13064)
        #expect(sbrk(Int64(Process.stackUpperBound)) == .value(-12), "ERR_VM_BOUND is -ENOMEM")
        #expect(process.programBreak == 0x13064)
        #expect(sbrk(-100) == .value(0x13064))
        #expect(process.programBreak == 0x13000)
    }

    @Test func heapMayGrowUpToTheStackButNotInto() {
        let stackBottom = process.addressSpace[process.stackRegion].start
        #expect(sbrk(Int64(stackBottom - 0x13000)) == .value(0x13000))
        #expect(sbrk(1) == .value(-12))
        #expect(process.programBreak == stackBottom)
    }

    @Test func brkFollowsLinuxSemantics() {
        #expect(brk(0) == .value(0x13000))
        #expect(brk(0x15000) == .value(0x15000))
        #expect(brk(0x1000) == .value(0x15000), "below the heap start: unchanged")
        #expect(brk(Process.stackUpperBound) == .value(0x15000), "into the stack: unchanged")
        #expect(brk(0x14000) == .value(0x14000))
        #expect(process.programBreak == 0x14000)
    }

    @Test func infoWritesEightCountersWithTheFaultCountFirst() throws {
        _ = sbrk(8192)
        _ = process.takePageFault(address: 0x13000, access: .store, pc: 0)
        _ = process.takePageFault(address: 0x3F_FFFF_D000, access: .store, pc: 0)
        #expect(process.syscall("info", [0x11100]) == .value(0))
        let words = try (0..<8).map { try #require(process.peekWord(0x11100 + 8 * UInt64($0))) }
        #expect(words[0] == 2)
        #expect(words[2] == 2, "stack resident pages")
        #expect(words[3] == 1, "heap resident pages")
        #expect(words[4] == 0x13000 && words[5] == 0x15000)
        #expect(words[6] == UInt64(process.addressSpace.frames.framesInUse))
        #expect(words[7] == 0)
        #expect(process.syscall("info", [0x10000]) == .value(-14))
        #expect(process.syscall("info", [0x3F_FFFF_EFF0]) == .value(-14), "64 bytes run past the stack top")
    }
}

@Suite struct HeapShrinkTests {
    @Test func shrinkingFreesTouchedPagesAndRegrowthReadsZeros() throws {
        let process = try Fixtures.process()
        _ = process.syscall("sbrk", [3 * 4096])
        for page: UInt64 in [0x13000, 0x14000, 0x15000] {
            #expect(process.takePageFault(address: page, access: .store, pc: 0) == nil)
        }
        try process.copyOut([0xAB], to: 0x15010).get()
        let inUse = process.addressSpace.frames.framesInUse
        #expect(process.syscall("sbrk", [UInt64(bitPattern: -8192)]) == .value(0x16000))
        #expect(process.stats.residentHeapPages == 1)
        #expect(process.addressSpace.frames.framesInUse == inUse - 2)
        #expect(process.copyIn(from: 0x15010, count: 1).failure == .badAddress, "the page left the heap")
        #expect(process.syscall("sbrk", [8192]) == .value(0x14000))
        #expect(try process.copyIn(from: 0x15010, count: 1).get() == [0])
        #expect(process.pageFaults.heap == 4)
    }
}
