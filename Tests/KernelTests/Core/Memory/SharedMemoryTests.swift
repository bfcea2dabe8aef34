import Testing
@testable import Kernel

/// Anonymous MAP_SHARED memory: one frame per page for every region made from the mapping, across
/// fork, kept while no mapping maps it, freed with the last region.
@Suite struct SharedMemoryTests {
    @Test func parentAndChildShareEvenPagesFirstTouchedAfterFork() throws {
        let f = try SharedPagesFixture()
        _ = try f.mapSharedMemory(at: 0x100000, pages: 2)
        guard case .mappedShared(_, let first, _, fresh: true) = f.fault(0x100000, .store) else { throw VMError.invalid }
        try f.store(41, at: 0x100000)
        let child = try #require(f.space.forkCopy())
        #expect(f.permissions(0x100000, in: child) == [.read, .write] && f.frame(0x100000, in: child) == first)
        try f.store(42, at: 0x100000, in: child)
        #expect(f.byte(0x100000) == 42)
        guard case .mappedShared(_, let late, _, fresh: true) = f.fault(0x101000, .store, in: child) else { throw VMError.invalid }
        try f.store(7, at: 0x101008, in: child)
        child.tearDown()
        guard case .mappedShared(_, late, _, fresh: false) = f.fault(0x101000, .load) else { throw VMError.invalid }
        #expect(f.byte(0x101008) == 7, "the child's write outlives the child")
        #expect(f.space.frames.referenceCount(of: late) == 2, "the object and the parent's mapping")
    }

    @Test func discardedPagesKeepTheirContentsAndPiecesShareTheObject() throws {
        let f = try SharedPagesFixture()
        _ = try f.mapSharedMemory(at: 0x100000, pages: 3)
        _ = f.fault(0x101000, .store)
        try f.store(9, at: 0x101000)
        f.space.releasePages(from: 0x100000, to: 0x103000)
        #expect(f.frame(0x101000) == nil)
        _ = f.fault(0x101000, .load)
        #expect(f.byte(0x101000) == 9, "MADV_DONTNEED of shared memory keeps its pages, as Linux's shmem does")
        try f.space.protect(from: 0x101000, to: 0x102000, permissions: [.read]).get()
        _ = f.fault(0x102000, .store)
        try f.store(3, at: 0x102000)
        #expect(f.space.move(from: 0x102000, size: 0x1000, to: 0x200000, size: 0x1000))
        f.space.unmap(from: 0x101000, to: 0x102000, pinned: [])
        _ = f.fault(0x200000, .load)
        #expect(f.byte(0x200000) == 3, "a moved piece keeps its offset in the object")
    }

    @Test func theLastRegionFreesEveryFrame() throws {
        let f = try SharedPagesFixture()
        let baseline = f.space.frames.framesInUse
        _ = try f.mapSharedMemory(at: 0x100000, pages: 4)
        for address: UInt64 in [0x100000, 0x102000] { _ = f.fault(address, .store) }
        let child = try #require(f.space.forkCopy())
        _ = f.fault(0x103000, .store, in: child)
        f.space.unmap(from: 0x100000, to: 0x104000, pinned: [])
        #expect(f.space.frames.framesInUse > baseline + 3, "the child's region still holds the object")
        child.tearDown()
        #expect(f.space.frames.framesInUse == baseline + 2, "only the tables remain: one level-1 and one level-0")
    }
}
