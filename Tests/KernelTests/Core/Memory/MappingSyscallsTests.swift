import Testing
@testable import Kernel

@Suite struct MappingSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process() }

    let anonymous = MappingSyscalls.mapPrivate | MappingSyscalls.mapAnonymous
    func mmap(_ hint: UInt64, _ length: UInt64, prot: UInt64 = 3, flags: UInt64? = nil) -> SyscallResult {
        process.syscall("mmap", [hint, length, prot, flags ?? anonymous, UInt64(bitPattern: -1), 0])
    }

    @Test func anonymousMappingsGoBelowTheStackGuardGapTopDown() throws {
        let ceiling = Process.stackUpperBound - 10 * 4096 - (1 << 20)
        #expect(mmap(0, 5000) == .value(Int64(ceiling - 0x2000)))
        #expect(mmap(0, 4096) == .value(Int64(ceiling - 0x3000)))
        let region = try #require(process.addressSpace.region(containing: ceiling - 0x2000)?.region)
        #expect(region.kind == .mmap && region.permissions == [.read, .write] && region.end == ceiling)
        #expect(region.residentPages == 0)
    }

    @Test func hintsAndFixedPlacement() {
        #expect(mmap(0x4000_0000, 4096) == .value(0x4000_0000), "a free hint is taken")
        #expect(mmap(0x4000_0000, 4096) != .value(0x4000_0000), "a taken hint is not")
        #expect(mmap(0x5000_0000, 4096, flags: anonymous | MappingSyscalls.mapFixed) == .value(0x5000_0000))
        #expect(mmap(0x11000, 4096, flags: anonymous | MappingSyscalls.mapFixedNoReplace) == .value(-17))
        #expect(mmap(0x5000_0800, 4096, flags: anonymous | MappingSyscalls.mapFixed) == .value(-22))
        #expect(mmap(0, 4096, flags: anonymous | MappingSyscalls.mapFixed) == .value(-1), "below mmap_min_addr")
    }

    @Test func fixedMappingOverTheHeapOrStackFailsAndKeepsTheirData() throws {
        let heapStart = process.programBreak
        #expect(process.syscall("sbrk", [0x3000]) == .value(Int64(heapStart)))
        _ = try #require(process.addressSpace.populatePage(at: heapStart + 0x2000, in: process.heapRegion))
        try process.copyOut([0xAB, 0xCD], to: heapStart + 0x2010).get()
        let fixed = anonymous | MappingSyscalls.mapFixed
        #expect(mmap(heapStart + 0x2000, 0x2000, flags: fixed) == .value(-12), "over the top of the heap")
        #expect(process.peek(heapStart + 0x2010, count: 2) == [0xAB, 0xCD])
        #expect(process.programBreak == heapStart + 0x3000)
        let stackTop = Process.stackUpperBound - 0x1000
        #expect(mmap(stackTop, 0x1000, flags: fixed) == .value(-12), "over the stack")
        #expect(process.addressSpace.pageTable.lookup(virtualAddress: stackTop) != nil, "the initial stack page stays")
    }

    @Test func badRequests() {
        #expect(mmap(0, 0) == .value(-22))
        #expect(mmap(0, 4096, flags: MappingSyscalls.mapAnonymous) == .value(-22), "neither private nor shared")
        #expect(mmap(0, 4096, flags: MappingSyscalls.mapPrivate) == .value(-9), "a file mapping of fd -1")
        #expect(mmap(0, 4096, prot: 8) == .value(-22))
        #expect(mmap(0, 1 << 40) == .value(-22))
        #expect(process.syscall("munmap", [0x11001, 4096]) == .value(-22))
        #expect(process.syscall("munmap", [0x11000, 0]) == .value(-22))
    }

    @Test func munmapRemovesAMappingWithoutPages() {
        #expect(mmap(0x4000_0000, 8192) == .value(0x4000_0000))
        #expect(process.syscall("munmap", [0x4000_0000, 8192]) == .value(0))
        #expect(process.addressSpace.region(containing: 0x4000_0000) == nil)
    }

    @Test func protNoneMakesARegionWithoutPermissions() throws {
        #expect(mmap(0x4000_0000, 4096, prot: 0) == .value(0x4000_0000))
        let region = try #require(process.addressSpace.region(containing: 0x4000_0000)?.region)
        #expect(region.permissions.isEmpty)
        #expect(process.copyIn(from: 0x4000_0000, count: 1).failure == .badAddress)
    }
}
