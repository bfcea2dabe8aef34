import Testing
@testable import Kernel

@Suite struct AddressSpaceMappingTests {
    let rw: MemoryPermissions = [.read, .write]

    @Test func unmapSplitsRemovesAndFreesTheRange() throws {
        let (space, caches) = try Fixtures.addressSpace()
        let id = try space.map(MemRegion(kind: .mmap, start: 0x20000, end: 0x24000, permissions: rw)).get()
        let frames = try [0x20000, 0x21000, 0x23000].map { try #require(space.populatePage(at: $0, in: id)) }
        let inUse = space.frames.framesInUse
        space.unmap(from: 0x21000, to: 0x23000, pinned: [])
        #expect(space.regions.map(\.start) == [0x20000, 0x23000])
        #expect(space.regions.map(\.end) == [0x21000, 0x24000])
        #expect(space.regions.map(\.residentPages) == [1, 1])
        #expect(space.pageTable.lookup(virtualAddress: 0x21000) == nil)
        #expect(!space.frames.isAllocated(frame: frames[1]))
        #expect(space.frames.framesInUse == inUse - 1)
        #expect(caches.invalidatedPages == [frames[1]] && caches.flushes == 1)
        #expect(space.region(containing: 0x22000) == nil)
    }

    @Test func pinnedRegionsAreEmptiedButKept() throws {
        let (space, _) = try Fixtures.addressSpace()
        let heap = try space.map(MemRegion(kind: .heap, start: 0x20000, end: 0x22000, permissions: rw)).get()
        _ = try #require(space.populatePage(at: 0x21000, in: heap))
        space.unmap(from: 0x20000, to: 0x22000, pinned: [heap])
        #expect(space[heap].start == 0x20000 && space[heap].end == 0x22000)
        #expect(space[heap].residentPages == 0)
        #expect(space.pageTable.lookup(virtualAddress: 0x21000) == nil)
    }

    @Test func highestFreeRangeSearchesGapsTopDown() throws {
        let (space, _) = try Fixtures.addressSpace()
        _ = try space.map(MemRegion(kind: .mmap, start: 0x80000, end: 0x90000, permissions: rw)).get()
        _ = try space.map(MemRegion(kind: .mmap, start: 0x40000, end: 0x7e000, permissions: rw)).get()
        #expect(space.highestFreeRange(size: 0x1000, floor: 0x10000, ceiling: 0x100000) == 0xff000)
        #expect(space.highestFreeRange(size: 0x70000, floor: 0x10000, ceiling: 0x100000) == 0x90000)
        #expect(space.highestFreeRange(size: 0x71000, floor: 0x10000, ceiling: 0x100000) == nil)
        #expect(space.highestFreeRange(size: 0x2000, floor: 0x10000, ceiling: 0x90000) == 0x7e000)
        #expect(space.highestFreeRange(size: 0x3000, floor: 0x10000, ceiling: 0x90000) == 0x3d000)
        #expect(space.highestFreeRange(size: 0x31000, floor: 0x10000, ceiling: 0x90000) == nil)
        #expect(space.isFree(from: 0x7e000, to: 0x80000))
        #expect(!space.isFree(from: 0x7e000, to: 0x81000))
    }
}

@Suite struct AddressSpaceMoveTests {
    let rw: MemoryPermissions = [.read, .write]

    /// A sparse mapping of 1025 blocks of 2 MiB with two pages touched per block, moved 1 MiB off the
    /// 2 MiB grid, needs 1026 leaf tables and 3 level-1 tables: one more frame than `newSize >> 21 + 3`.
    /// With exactly that many frames free the move must fail cleanly and leave every page in place.
    @Test func moveThatRunsOutOfTableFramesChangesNothing() throws {
        let blocks: UInt64 = 1025, block: UInt64 = 2 << 20
        let (space, _) = try Fixtures.addressSpace(pages: 4608)
        let (start, target, size) = (UInt64(0x4000_0000), UInt64(0x20_0010_0000), blocks * block)
        let id = try space.map(MemRegion(kind: .mmap, start: start, end: start + size, permissions: rw)).get()
        for index in 0..<blocks {
            for offset in [UInt64(0), 0x18_0000] {
                let frame = try #require(space.populatePage(at: start + index * block + offset, in: id))
                space.frames.memory.store(index &+ offset, at: frame)
            }
        }
        var held: [UInt64] = []
        while space.frames.framesFree > Int(blocks) + 3 { held.append(try #require(space.frames.allocate())) }
        #expect(!space.move(from: start, size: size, to: target, size: size))
        #expect(space.isFree(from: target, to: target + size))
        #expect(space.region(containing: start)?.region.residentPages == Int(2 * blocks))
        for index in [UInt64(0), 511, 1024] {
            let physical = try #require(space.pageTable.translate(start + index * block + 0x18_0000))
            #expect(space.frames.memory.load(UInt64.self, at: physical) == index + 0x18_0000)
        }
        space.frames.free(held.removeLast())
        #expect(space.move(from: start, size: size, to: target, size: size), "one more frame is enough")
        let physical = try #require(space.pageTable.translate(target + 1024 * block + 0x18_0000))
        #expect(space.frames.memory.load(UInt64.self, at: physical) == 1024 + 0x18_0000)
    }

    @Test func moveCarriesFramesAndContentsToTheNewRange() throws {
        let (space, caches) = try Fixtures.addressSpace()
        let id = try space.map(MemRegion(kind: .mmap, start: 0x20000, end: 0x22000, permissions: rw)).get()
        let frame = try #require(space.populatePage(at: 0x21000, in: id))
        space.frames.memory.store(UInt64(0x1234), at: frame + 16)
        #expect(space.move(from: 0x20000, size: 0x2000, to: 0x80000, size: 0x4000))
        #expect(space.region(containing: 0x20000) == nil)
        let moved = try #require(space.region(containing: 0x80000)?.region)
        #expect(moved.end == 0x84000 && moved.kind == .mmap && moved.permissions == rw && moved.residentPages == 1)
        #expect(space.pageTable.translate(0x81010) == frame + 16)
        #expect(space.frames.memory.load(UInt64.self, at: frame + 16) == 0x1234)
        #expect(space.frames.isAllocated(frame: frame))
        #expect(caches.flushes >= 1)
    }

    @Test func releasePagesKeepsRegionsAndCountsDown() throws {
        let (space, _) = try Fixtures.addressSpace()
        let id = try space.map(MemRegion(kind: .mmap, start: 0x20000, end: 0x23000, permissions: rw)).get()
        for page: UInt64 in [0x20000, 0x21000, 0x22000] { _ = try #require(space.populatePage(at: page, in: id)) }
        #expect(space.releasePages(from: 0x21000, to: 0x23000) == 2)
        #expect(space[id].residentPages == 1)
        #expect(space[id].end == 0x23000)
    }

    @Test func splittingRecountsResidentPagesOfBothPieces() throws {
        let (space, _) = try Fixtures.addressSpace()
        let id = try space.map(MemRegion(kind: .mmap, start: 0x20000, end: 0x24000, permissions: rw)).get()
        for page: UInt64 in [0x20000, 0x23000] { _ = try #require(space.populatePage(at: page, in: id)) }
        space.unmap(from: 0x21000, to: 0x22000, pinned: [])
        #expect(space.regions.map(\.residentPages) == [1, 1])
    }
}
