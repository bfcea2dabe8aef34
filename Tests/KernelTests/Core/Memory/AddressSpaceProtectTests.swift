import Testing
@testable import Kernel

@Suite struct AddressSpaceProtectTests {
    let rw: MemoryPermissions = [.read, .write]

    @Test func protectingTheMiddleSplitsTheRegionAndRewritesMappedPages() throws {
        let (space, caches) = try Fixtures.addressSpace()
        let heap = try space.map(MemRegion(kind: .heap, start: 0x20000, end: 0x24010, permissions: rw)).get()
        let frame = try #require(space.populatePage(at: 0x21000, in: heap))
        _ = try #require(space.populatePage(at: 0x24000, in: heap))
        try space.protect(from: 0x21000, to: 0x23000, permissions: [.read]).get()

        let regions = space.regions
        #expect(regions.map(\.start) == [0x20000, 0x21000, 0x23000])
        #expect(regions.map(\.end) == [0x21000, 0x23000, 0x24010])
        #expect(regions.map(\.permissions) == [rw, [.read], rw])
        #expect(regions.map(\.residentPages) == [0, 1, 1])
        #expect(space[heap].start == 0x23000, "the piece holding the end keeps the id")
        let entry = try #require(space.pageTable.lookup(virtualAddress: 0x21000))
        #expect(entry.permissions == [.read] && entry.physicalAddress == frame)
        #expect(caches.invalidatedPages == [frame])
        #expect(caches.flushes == 1)
    }

    @Test func restoringPermissionsMergesAnonymousMappingsBackIntoOne() throws {
        let (space, _) = try Fixtures.addressSpace()
        let mapping = try space.map(MemRegion(kind: .mmap, start: 0x40000, end: 0x50000, permissions: rw)).get()
        _ = try #require(space.populatePage(at: 0x41000, in: mapping))
        try space.protect(from: 0x40000, to: 0x44000, permissions: [.read]).get()
        #expect(space.regions.count == 2)
        try space.protect(from: 0x40000, to: 0x44000, permissions: rw).get()
        #expect(space.regions.map(\.start) == [0x40000])
        #expect(space.regions.map(\.end) == [0x50000])
        #expect(space.regions.map(\.residentPages) == [1])
        #expect(space[mapping].start == 0x40000, "the upper piece's id names the merged mapping")
    }

    @Test func onlyAnonymousMappingsMerge() throws {
        let (space, _) = try Fixtures.addressSpace()
        _ = try space.map(MemRegion(kind: .data, start: 0x20000, end: 0x21000, permissions: rw)).get()
        _ = try space.map(MemRegion(kind: .heap, start: 0x21000, end: 0x22000, permissions: rw)).get()
        _ = try space.map(MemRegion(kind: .mmap, start: 0x30000, end: 0x31000, permissions: rw)).get()
        _ = try space.map(MemRegion(kind: .mmap, start: 0x31000, end: 0x32000, permissions: [.read])).get()
        space.mergeAdjacentMappings()
        #expect(space.regions.count == 4)
    }

    @Test func protectNoneKeepsThePageButHidesItFromUserMode() throws {
        let (space, _) = try Fixtures.addressSpace()
        let id = try space.map(MemRegion(kind: .data, start: 0x20000, end: 0x21000, permissions: rw)).get()
        _ = try #require(space.populatePage(at: 0x20000, in: id))
        try space.protect(from: 0x20000, to: 0x21000, permissions: []).get()
        let entry = try #require(space.pageTable.lookup(virtualAddress: 0x20000))
        #expect(!entry.isUser)
        #expect(space[id].permissions.isEmpty)
        try space.protect(from: 0x20000, to: 0x21000, permissions: rw).get()
        #expect(space.pageTable.lookup(virtualAddress: 0x20000)?.isUser == true)
    }

    @Test func aRangeWithAHoleFailsAndChangesNothing() throws {
        let (space, caches) = try Fixtures.addressSpace()
        _ = try space.map(MemRegion(kind: .data, start: 0x20000, end: 0x22000, permissions: rw)).get()
        _ = try space.map(MemRegion(kind: .data, start: 0x23000, end: 0x24000, permissions: rw)).get()
        #expect(space.protect(from: 0x21000, to: 0x24000, permissions: [.read]).failure == .bound)
        #expect(space.regions.count == 2)
        #expect(space.regions.allSatisfy { $0.permissions == rw })
        #expect(caches.flushes == 0)
    }
}
