import Testing
@testable import Kernel

@Suite struct MemRegionTests {
    func heap(_ start: UInt64 = 0x20000, _ end: UInt64 = 0x20000) -> MemRegion {
        MemRegion(kind: .heap, start: start, end: end, permissions: [.read, .write])
    }

    @Test func extendReturnsTheOldBound() {
        var region = heap()
        #expect(region.extend(by: 4096) == .success(0x20000))
        #expect(region.extend(by: 1) == .success(0x21000))
        #expect(region.end == 0x21001)
        #expect(region.extend(by: -4097) == .success(0x21001))
        #expect(region.end == 0x20000)
    }

    @Test func extendByZeroChangesNothing() {
        var region = heap(0x20000, 0x20010)
        #expect(region.extend(by: 0) == .success(0x20010))
        #expect(region.end == 0x20010)
    }

    @Test func shrinkingBelowTheStartIsInvalidAndLeavesTheRegion() {
        var region = heap(0x20000, 0x20010)
        #expect(region.extend(by: -0x11) == .failure(.invalid))
        #expect(region == heap(0x20000, 0x20010))
        #expect(region.extend(by: Int64.min) == .failure(.invalid))
        #expect(region.end == 0x20010)
    }

    @Test func leavingUserSpaceIsBoundAndLeavesTheRegion() {
        var region = heap()
        #expect(region.extend(by: Int64(PageTable.userLimit - 0x20000)) == .success(0x20000))
        #expect(region.end == PageTable.userLimit)
        #expect(region.extend(by: 1) == .failure(.bound))
        #expect(region.end == PageTable.userLimit)
        var other = heap()
        #expect(other.extend(by: Int64.max) == .failure(.bound))
        #expect(other.end == 0x20000)
    }

    @Test func containsAndOverlapUseWholePages() {
        let region = heap(0x20000, 0x20001)
        #expect(region.pageEnd == 0x21000)
        #expect(region.contains(0x20fff))
        #expect(!region.contains(0x21000))
        #expect(!heap().contains(0x20000), "an empty region holds nothing")
        #expect(region.overlaps(MemRegion(kind: .stack, start: 0x20000, end: 0x30000, permissions: [.read])))
        #expect(!region.overlaps(MemRegion(kind: .stack, start: 0x21000, end: 0x30000, permissions: [.read])))
    }
}
