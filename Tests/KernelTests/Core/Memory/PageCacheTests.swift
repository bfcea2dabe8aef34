import Testing
@testable import Kernel

/// File pages shared through the page cache: one frame per file page for every mapping of it, copy
/// on write for private mappings, shared across fork, and freed with the last mapping.
@Suite struct PageCacheTests {
    let page = Fixtures.page

    @Test func twoSharedMappingsOfOneFilePageMapOneFrame() throws {
        let f = try SharedPagesFixture()
        _ = try f.mapFile(at: 0x100000, shared: true)
        _ = try f.mapFile(at: 0x200000, shared: true)
        guard case .filled(_, let first, _, _, 0, fromCache: false) = f.fault(0x100010, .load) else { throw VMError.invalid }
        guard case .filled(_, let second, _, _, 0, fromCache: true) = f.fault(0x200000, .store) else { throw VMError.invalid }
        #expect(first == second && f.frame(0x100000) == f.frame(0x200000))
        #expect(f.space.frames.referenceCount(of: first) == 2 && f.space.frames.pageCache.count == 1)
        #expect(f.permissions(0x100000) == [.read, .write] && f.permissions(0x200000) == [.read, .write])
        try f.store(UInt8(ascii: "x"), at: 0x200005)
        #expect(f.byte(0x100005) == UInt8(ascii: "x") && f.byte(0x100004) == UInt8(ascii: "A"))
        guard case .filled(_, let other, _, _, 0x1000, fromCache: false) = f.fault(0x201000, .load) else { throw VMError.invalid }
        #expect(other != first && f.byte(0x201000) == UInt8(ascii: "B"))
    }

    @Test func aPrivateMappingSharesTheFramesUntilItWrites() throws {
        let f = try SharedPagesFixture()
        let privateID = try f.mapFile(at: 0x100000, shared: false)
        _ = try f.mapFile(at: 0x200000, shared: true)
        _ = f.fault(0x200000, .load)
        guard case .filled(_, let cached, _, _, _, fromCache: true) = f.fault(0x100000, .load) else { throw VMError.invalid }
        #expect(f.frame(0x200000) == cached && f.permissions(0x100000) == [.read], "mapped without write: copy on write")
        try f.store(UInt8(ascii: "s"), at: 0x200001)
        #expect(f.byte(0x100001) == UInt8(ascii: "s"), "a private page sees shared writes until its own")
        guard case .copiedOnWrite(_, let copy, _, copied: true) = f.fault(0x100001, .store) else { throw VMError.invalid }
        #expect(copy != cached && f.frame(0x100000) == copy && f.permissions(0x100000) == [.read, .write])
        #expect(f.byte(0x100001) == UInt8(ascii: "s") && f.space.frames.referenceCount(of: cached) == 1)
        try f.store(UInt8(ascii: "p"), at: 0x100002)
        try f.store(UInt8(ascii: "t"), at: 0x200003)
        #expect(f.byte(0x200002) == UInt8(ascii: "A") && f.byte(0x100003) == UInt8(ascii: "A"), "no sharing after the write")
        #expect(f.space.frames.pageCache.frame(holding: FilePage(file: f.file.identity, offset: 0)) == cached)
        #expect(f.space[privateID].residentPages == 1)
    }

    @Test func aPrivateStoreAtTheFirstTouchTakesItsOwnCopyAndLeavesTheFile() throws {
        let f = try SharedPagesFixture()
        _ = try f.mapFile(at: 0x100000, shared: false)
        guard case .filled(_, let frame, _, _, _, fromCache: false) = f.fault(0x100000, .store) else { throw VMError.invalid }
        #expect(f.permissions(0x100000) == [.read, .write] && f.frame(0x100000) == frame)
        #expect(f.space.frames.pageCache.count == 0, "the only mapping made the frame its own: it left the cache")
        try f.store(UInt8(ascii: "w"), at: 0x100000)
        _ = try f.mapFile(at: 0x200000, shared: false)
        guard case .filled(_, let fresh, _, _, _, fromCache: false) = f.fault(0x200000, .load) else { throw VMError.invalid }
        #expect(fresh != frame && f.byte(0x200000) == UInt8(ascii: "A"), "the next mapping reads the file, not the copy")
    }

    @Test func mprotectKeepsSharedPagesWritableAndPrivateCachedPagesCopyOnWrite() throws {
        let f = try SharedPagesFixture()
        _ = try f.mapFile(at: 0x100000, shared: true, permissions: [.read])
        _ = try f.mapFile(at: 0x200000, shared: false, permissions: [.read])
        _ = f.fault(0x100000, .load)
        _ = f.fault(0x200000, .load)
        try f.space.protect(from: 0x100000, to: 0x102000, permissions: [.read, .write]).get()
        try f.space.protect(from: 0x200000, to: 0x202000, permissions: [.read, .write]).get()
        #expect(f.permissions(0x100000) == [.read, .write])
        #expect(f.permissions(0x200000) == [.read], "a private mapping must not write the cached frame")
    }

    @Test func forkSharesFilePagesAndAChildFaultFindsTheParentsFrame() throws {
        let f = try SharedPagesFixture()
        _ = try f.mapFile(at: 0x100000, shared: true)
        _ = f.fault(0x100000, .store)
        let child = try #require(f.space.forkCopy())
        #expect(f.frame(0x100000, in: child) == f.frame(0x100000) && f.permissions(0x100000, in: child) == [.read, .write])
        guard case .filled(_, let frame, _, _, 0x1000, fromCache: false) = f.fault(0x101000, .load, in: child) else { throw VMError.invalid }
        guard case .filled(_, frame, _, _, 0x1000, fromCache: true) = f.fault(0x101000, .load) else { throw VMError.invalid }
        try f.store(UInt8(ascii: "c"), at: 0x101000, in: child)
        #expect(f.byte(0x101000) == UInt8(ascii: "c"))
        child.tearDown()
    }

    @Test func theLastMappingFreesTheFramesAndEmptiesTheCache() throws {
        let f = try SharedPagesFixture()
        let baseline = f.space.frames.framesInUse
        _ = try f.mapFile(at: 0x100000, shared: true)
        _ = try f.mapFile(at: 0x200000, shared: false)
        for address: UInt64 in [0x100000, 0x101000, 0x200000] { _ = f.fault(address, .load) }
        let child = try #require(f.space.forkCopy())
        _ = f.fault(0x201000, .store, in: child)
        _ = f.fault(0x200000, .store, in: child)
        child.tearDown()
        f.space.unmap(from: 0x100000, to: 0x102000, pinned: [])
        #expect(f.space.frames.pageCache.count == 1, "the private mapping still holds page 0")
        f.space.unmap(from: 0x200000, to: 0x202000, pinned: [])
        #expect(f.space.frames.pageCache.count == 0)
        #expect(f.space.frames.framesInUse == baseline + 3, "only the tables remain: one level-1 and a level-0 per mapping")
        f.space.tearDown()
        #expect(f.space.frames.framesInUse == 0)
    }
}
