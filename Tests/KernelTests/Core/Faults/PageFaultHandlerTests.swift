import Testing
@testable import Kernel

@Suite struct PageFaultHandlerTests {
    func kill(_ process: Process, _ address: UInt64, _ access: MemoryAccess, pc: UInt64 = 0x10004) -> Kill? {
        process.takePageFault(address: address, access: access, pc: pc)
    }

    @Test func faultInsideTheStackMapsAZeroedPage() throws {
        let process = try Fixtures.process()
        #expect(kill(process, 0x3F_FFFF_5008, .store) == nil)
        let entry = try #require(process.addressSpace.pageTable.lookup(virtualAddress: 0x3F_FFFF_5000))
        #expect(entry.permissions == [.read, .write])
        #expect(process.peek(0x3F_FFFF_5000, count: 4096) == [UInt8](repeating: 0, count: 4096))
        #expect(process.pageFaults.stack == 1)
    }

    @Test func outsideEveryRegionKillsWith139() throws {
        let process = try Fixtures.process()
        let null = try #require(kill(process, 0, .store, pc: 0x10a4c))
        #expect(null == Kill(reason: .memoryFault, message: "store page fault at 0x0 (pc 0x10a4c): no memory region"))
        #expect(null.reason.exitStatus == 139)
        #expect(kill(process, 0xffff_ffc0_0000_0000, .load)?.message.hasSuffix("kernel address") == true)
        #expect(kill(process, 0x8000_0000_0000, .load)?.message.hasSuffix("non-canonical address") == true)
        #expect(kill(process, 0x3F_FFFF_F000, .load)?.message.contains("at or above the stack top") == true)
        #expect(process.pageFaults.outsideRegions == 4)
    }

    @Test func justBelowTheStackSaysTheLimitWasExceeded() throws {
        let process = try Fixtures.process()
        let bottom = process.addressSpace[process.stackRegion].start
        #expect(kill(process, bottom, .store) == nil, "the lowest byte of the 10th page works")
        let below = try #require(kill(process, bottom - 1, .store, pc: 0x10100))
        #expect(below.message == "store page fault at 0x3fffff4fff (pc 0x10100): stack limit exceeded (10 pages; raise it with --stack-pages)")
        #expect(kill(process, 0x20000, .load)?.message.hasSuffix("no memory region") == true)
    }

    @Test func aFrameLargerThanTheGuardGapIsStillAStackOverflow() throws {
        let process = try Fixtures.process()
        let handler = process.pageFaultHandler
        let far = process.addressSpace[process.stackRegion].start - (4 << 20)
        let withSP = handler.handle(address: far + 8, access: .store, pc: 0x10000, stackPointer: far)
        guard case .kill(_, let message, _, _) = withSP else { Issue.record("expected a kill"); return }
        #expect(message.hasSuffix("stack limit exceeded (10 pages; raise it with --stack-pages)"))
        let withoutSP = handler.handle(address: far + 8, access: .store, pc: 0x10000)
        guard case .kill(_, let other, _, _) = withoutSP else { Issue.record("expected a kill"); return }
        #expect(other.hasSuffix("no memory region"))
    }

    @Test func accessesTheRegionForbidsKill() throws {
        let process = try Fixtures.process()
        #expect(kill(process, 0x10000, .store)?.message == "store page fault at 0x10000 (pc 0x10004): write to read-only code region (r-x)")
        #expect(kill(process, 0x11000, .fetch)?.message == "instruction page fault at 0x11000 (pc 0x10004): execute from non-executable data region (rw-)")
        _ = try process.addressSpace.extend(process.heapRegion, by: 4096).get()
        #expect(kill(process, 0x13000, .fetch)?.reason == .memoryFault)
        #expect(process.addressSpace.pageTable.lookup(virtualAddress: 0x13000) == nil)
    }

    @Test func outOfFramesKillsWith137() throws {
        let process = try Fixtures.process(frameLimit: 9)
        let result = try #require(kill(process, 0x3F_FFFF_D000, .store))
        #expect(result.reason == .outOfMemory)
        #expect(result.reason.exitStatus == 137)
    }

    @Test func faultOnAMappedPageIsForTheNextPageOfACrossingAccess() throws {
        let process = try Fixtures.process()
        #expect(kill(process, 0x3F_FFFF_C000, .store) == nil)
        #expect(process.addressSpace.pageTable.lookup(virtualAddress: 0x3F_FFFF_D000) == nil)
        #expect(kill(process, 0x3F_FFFF_CFFC, .store) == nil, "a crossing access whose second page is unmapped")
        #expect(process.addressSpace.pageTable.lookup(virtualAddress: 0x3F_FFFF_D000) != nil)
        #expect(process.pageFaults.stack == 2)
    }

    @Test func fillsFromTheFileFromThePageCacheAndOfSharedMemoryAreTracedAndCounted() throws {
        var lines: [String] = []
        let process = try Fixtures.process(options: Fixtures.options(trace: .faults, sink: TraceSink { lines.append($0) }))
        let file = try SharedPagesFixture().file
        for start: UInt64 in [0x100000, 0x200000] {
            var region = MemRegion(kind: .mmap, start: start, end: start + Fixtures.page, permissions: [.read])
            region.backing = FileBacking(file: file, offset: 0, shared: false)
            _ = try process.addressSpace.map(region).get()
        }
        var shared = MemRegion(kind: .mmap, start: 0x300000, end: 0x301000, permissions: [.read, .write])
        shared.sharedMemory = SharedMemoryBacking(object: SharedMemory(frames: process.addressSpace.frames), offset: 0)
        _ = try process.addressSpace.map(shared).get()
        #expect(kill(process, 0x100008, .load, pc: 0x10100) == nil)
        #expect(kill(process, 0x200010, .load, pc: 0x10104) == nil)
        #expect(kill(process, 0x300000, .store, pc: 0x10108) == nil)
        let frame = String(try #require(process.addressSpace.pageTable.translate(0x100000)), radix: 16)
        let sharedFrame = String(try #require(process.addressSpace.pageTable.translate(0x300000)), radix: 16)
        #expect(lines == [
            "fault: load 0x100008 pc=0x10100 mmap -> filled 0x100000 from \(file.path) offset 0x0 (frame 0x\(frame))",
            "fault: load 0x200010 pc=0x10104 mmap -> shared 0x200000 from the page cache: \(file.path) offset 0x0 (frame 0x\(frame))",
            "fault: store 0x300000 pc=0x10108 mmap -> mapped 0x300000 of shared memory (frame 0x\(sharedFrame))",
        ])
        #expect(process.pageFaults.mmap == 3 && process.pageFaults.fileFills == 1 && process.pageFaults.cacheFills == 1)
    }

    @Test func faultsAreTraced() throws {
        var lines: [String] = []
        let process = try Fixtures.process(options: Fixtures.options(trace: .faults, sink: TraceSink { lines.append($0) }))
        _ = kill(process, 0x3F_FFFF_D008, .store, pc: 0x10234)
        _ = kill(process, 0, .load, pc: 0x1040c)
        let frame = try #require(process.addressSpace.pageTable.lookup(virtualAddress: 0x3F_FFFF_D000)).physicalAddress
        #expect(lines == [
            "fault: store 0x3fffffd008 pc=0x10234 stack -> mapped 0x3fffffd000 (frame 0x\(String(frame, radix: 16)))",
            "fault: load 0x0 pc=0x1040c no region -> killed",
        ])
    }
}
