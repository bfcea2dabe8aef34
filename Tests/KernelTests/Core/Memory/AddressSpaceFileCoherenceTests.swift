import Testing
@testable import Kernel

/// read(2), write(2) and ftruncate see the page cache's frames: a cached page is the file's bytes.
@Suite struct AddressSpaceFileCoherenceTests {
    let page = Fixtures.page

    @Test func aReadSeesTheCachedPagesOverTheHostsBytes() throws {
        let f = try SharedPagesFixture()
        _ = try f.mapFile(at: 0x100000, shared: true)
        _ = f.fault(0x101000, .store)
        try f.store(UInt8(ascii: "s"), at: 0x101002)
        var bytes = Array("AAAABBBB".utf8)
        f.space.overlayCachedPages(of: f.file.identity, onto: &bytes, at: page - 4)
        #expect(String(decoding: bytes, as: UTF8.self) == "AAAABBsB", "page 0 is not cached: the host's bytes stay")
        var untouched = Array("xy".utf8)
        f.space.overlayCachedPages(of: FileIdentity(device: 0, inode: 1), onto: &untouched, at: page)
        #expect(untouched == Array("xy".utf8), "another file's bytes stay")
    }

    @Test func aWriteReachesEveryCachedPageItCoversAndDropsTheirCode() throws {
        let f = try SharedPagesFixture()
        _ = try f.mapFile(at: 0x100000, shared: true)
        _ = try f.mapFile(at: 0x200000, shared: false)
        _ = f.fault(0x100000, .load)
        _ = f.fault(0x201000, .load)
        let caches = try #require(f.space.caches as? RecordingCaches)
        let before = caches.invalidatedPages.count
        f.space.updateCachedPages(of: f.file.identity, with: Array("0123456789".utf8)[2...], at: page - 3)
        #expect([0x100ffd, 0x100ffe, 0x100fff, 0x201000, 0x201004].map { f.byte($0) } == Array("23459".utf8))
        #expect(f.byte(0x100ffc) == UInt8(ascii: "A") && f.byte(0x201005) == UInt8(ascii: "B"))
        #expect(caches.invalidatedPages.count == before + 2)
    }

    @Test func truncationZeroesTheCachedBytesPastTheNewEnd() throws {
        let f = try SharedPagesFixture()
        _ = try f.mapFile(at: 0x100000, shared: true)
        _ = f.fault(0x100000, .load)
        _ = f.fault(0x101000, .load)
        f.space.truncateCachedPages(of: f.file.identity, to: 100)
        #expect(f.byte(0x100063) == UInt8(ascii: "A") && f.byte(0x100064) == 0 && f.byte(0x100fff) == 0)
        #expect(f.byte(0x101000) == 0 && f.byte(0x101fff) == 0)
    }
}
