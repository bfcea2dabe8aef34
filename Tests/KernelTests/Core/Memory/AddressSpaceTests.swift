import Testing
@testable import Kernel

@Suite struct AddressSpaceTests {
    let rw: MemoryPermissions = [.read, .write]

    @Test func mapRejectsOverlapAndLeavingUserSpace() throws {
        let (space, _) = try Fixtures.addressSpace()
        _ = try space.map(MemRegion(kind: .code, start: 0x10000, end: 0x12000, permissions: [.read, .execute])).get()
        #expect(space.map(MemRegion(kind: .data, start: 0x11000, end: 0x13000, permissions: rw)) == .failure(.bound))
        #expect(space.map(MemRegion(kind: .data, start: 0x0f000, end: 0x10001, permissions: rw)) == .failure(.bound))
        #expect(space.map(MemRegion(kind: .data, start: 0x3F_FFFF_F000, end: 0x40_0000_1000, permissions: rw)) == .failure(.bound))
        _ = try space.map(MemRegion(kind: .data, start: 0x12000, end: 0x13000, permissions: rw)).get()
        #expect(space.regions.map(\.start) == [0x10000, 0x12000])
    }

    @Test func regionContainingFindsTheRegion() throws {
        let (space, _) = try Fixtures.addressSpace()
        let id = try space.map(MemRegion(kind: .stack, start: 0x3F_FFFF_5000, end: 0x3F_FFFF_F000, permissions: rw)).get()
        #expect(space.region(containing: 0x3F_FFFF_5000)?.id == id)
        #expect(space.region(containing: 0x3F_FFFF_EFFF)?.region.kind == .stack)
        #expect(space.region(containing: 0x3F_FFFF_4FFF) == nil)
        #expect(space.region(containing: 0x3F_FFFF_F000) == nil)
    }

    @Test func extendRejectsOverlapWithAnotherRegionAndLeavesTheHeap() throws {
        let (space, _) = try Fixtures.addressSpace()
        let heap = try space.map(MemRegion(kind: .heap, start: 0x20000, end: 0x20000, permissions: rw)).get()
        _ = try space.map(MemRegion(kind: .stack, start: 0x30000, end: 0x40000, permissions: rw)).get()
        #expect(space.extend(heap, by: 0x10000) == .success(0x20000))
        #expect(space.extend(heap, by: 1) == .failure(.bound))
        #expect(space[heap].end == 0x30000)
        #expect(space.extend(heap, by: -0x10001) == .failure(.invalid))
        #expect(space[heap].end == 0x30000)
    }

    @Test func extendWhosePartialPageWouldOverlapIsBound() throws {
        let (space, _) = try Fixtures.addressSpace()
        let heap = try space.map(MemRegion(kind: .heap, start: 0x20000, end: 0x20000, permissions: rw)).get()
        _ = try space.map(MemRegion(kind: .stack, start: 0x21000, end: 0x22000, permissions: rw)).get()
        #expect(space.extend(heap, by: 0x1000) == .success(0x20000))
        #expect(space.extend(heap, by: 1) == .failure(.bound))
    }

    @Test func shrinkUnmapsAndFreesWholePagesOnly() throws {
        let (space, caches) = try Fixtures.addressSpace()
        let heap = try space.map(MemRegion(kind: .heap, start: 0x20000, end: 0x20000, permissions: rw)).get()
        _ = try space.extend(heap, by: 3 * 4096).get()
        let frames = try (0..<3).map { try #require(space.populatePage(at: 0x20000 + UInt64($0) * 4096, in: heap)) }
        #expect(space[heap].residentPages == 3)
        let inUse = space.frames.framesInUse

        #expect(space.extend(heap, by: -(4096 + 4095)) == .success(0x23000))
        #expect(space[heap].end == 0x21001)
        #expect(space.pageTable.lookup(virtualAddress: 0x21000) != nil, "the page holding the new end stays")
        #expect(space.pageTable.lookup(virtualAddress: 0x22000) == nil)
        #expect(space.frames.framesInUse == inUse - 1)
        #expect(!space.frames.isAllocated(frame: frames[2]))
        #expect(caches.invalidatedPages == [frames[2]])
        #expect(caches.flushes == 1)
        #expect(space.residentPages(of: .heap) == 2)
    }

    @Test func regrownPageReadsZeros() throws {
        let (space, _) = try Fixtures.addressSpace()
        let heap = try space.map(MemRegion(kind: .heap, start: 0x20000, end: 0x20000, permissions: rw)).get()
        _ = try space.extend(heap, by: 4096).get()
        let frame = try #require(space.populatePage(at: 0x20000, in: heap))
        space.frames.memory.store(UInt64(0xdead_beef), at: frame + 8)
        _ = try space.extend(heap, by: -4096).get()
        #expect(space.pageTable.lookup(virtualAddress: 0x20000) == nil)
        _ = try space.extend(heap, by: 4096).get()
        let again = try #require(space.populatePage(at: 0x20000, in: heap))
        #expect(space.frames.memory.load(UInt64.self, at: again + 8) == 0)
    }

    @Test func populateFailsWithoutChangeWhenRAMRunsOut() throws {
        let caches = RecordingCaches()
        let frames = try Fixtures.frames(pages: 16, limit: 2)
        let space = try #require(AddressSpace(frames: frames, caches: caches))
        let id = try space.map(MemRegion(kind: .heap, start: 0x20000, end: 0x21000, permissions: rw)).get()
        #expect(space.populatePage(at: 0x20000, in: id) == nil)
        #expect(space[id].residentPages == 0)
        #expect(frames.framesInUse == 1)
    }
}
