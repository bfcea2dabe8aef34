import Testing
@testable import Kernel
import RISCV

@Suite struct AddressSpaceForkTests {
    let page = Fixtures.page

    /// A heap-like rw region with two pages written, and an r-x page.
    func parent() throws -> (AddressSpace, RecordingCaches, RegionID) {
        let (space, caches) = try Fixtures.addressSpace(pages: 64)
        guard case .success(let data) = space.map(MemRegion(kind: .data, start: 0x20000, end: 0x22000, permissions: [.read, .write])),
              case .success(let code) = space.map(MemRegion(kind: .code, start: 0x10000, end: 0x11000, permissions: [.read, .execute]))
        else { throw VMError.bound }
        for address: UInt64 in [0x20000, 0x21000] {
            let frame = try #require(space.populatePage(at: address, in: data))
            space.frames.memory.store(UInt64(address), at: frame)
        }
        _ = try #require(space.populatePage(at: 0x10000, in: code))
        return (space, caches, data)
    }

    @Test func forkSharesEveryFrameAndWriteProtectsWritablePages() throws {
        let (space, caches, _) = try parent()
        let used = space.frames.framesInUse
        let child = try #require(space.forkCopy())
        for address: UInt64 in [0x10000, 0x20000, 0x21000] {
            let mine = try #require(space.pageTable.lookup(virtualAddress: address))
            let theirs = try #require(child.pageTable.lookup(virtualAddress: address))
            #expect(mine.physicalAddress == theirs.physicalAddress)
            #expect(!mine.permissions.contains(.write) && !theirs.permissions.contains(.write))
            #expect(space.frames.referenceCount(of: mine.physicalAddress) == 2)
        }
        #expect(space.isCopyOnWrite(0x20008) && child.isCopyOnWrite(0x21000))
        #expect(!space.isCopyOnWrite(0x10000), "code is read-only in its region")
        #expect(space.frames.framesInUse == used + 3, "only the child's three tables are new")
        #expect(caches.flushes > 0)
        #expect(child.regions == space.regions)
    }

    @Test func aWriteCopiesWhileSharedAndReclaimsTheLastReference() throws {
        let (space, _, data) = try parent()
        let child = try #require(space.forkCopy())
        let original = try #require(space.pageTable.translate(0x20000))
        let copied = try #require(child.copyOnWrite(at: 0x20010, in: data))
        #expect(copied.copied && copied.frame != original)
        #expect(space.frames.memory.load(UInt64.self, at: copied.frame) == 0x20000, "the copy has the contents")
        #expect(child.pageTable.lookup(virtualAddress: 0x20000)?.permissions == [.read, .write])
        #expect(space.frames.referenceCount(of: original) == 1)
        let reclaimed = try #require(space.copyOnWrite(at: 0x20000, in: data))
        #expect(!reclaimed.copied && reclaimed.frame == original)
        #expect(space.pageTable.lookup(virtualAddress: 0x20000)?.permissions == [.read, .write])
    }

    @Test func tearDownReturnsEveryFrame() throws {
        let (space, _, data) = try parent()
        let before = space.frames.framesInUse
        let child = try #require(space.forkCopy())
        _ = try #require(child.copyOnWrite(at: 0x21000, in: data))
        child.tearDown()
        #expect(space.frames.framesInUse == before)
        #expect(space.frames.sharedFrames == 0)
    }

    @Test func aCopyWithNoFrameLeftChangesNothing() throws {
        let (space, _, data) = try parent()
        let child = try #require(space.forkCopy())
        var hoard: [UInt64] = []
        while let frame = space.frames.allocate() { hoard.append(frame) }
        #expect(child.copyOnWrite(at: 0x20000, in: data) == nil)
        #expect(child.isCopyOnWrite(0x20000))
        for frame in hoard { space.frames.free(frame) }
    }

    @Test func frameReferenceCounts() throws {
        let frames = try Fixtures.frames(pages: 8)
        let frame = try #require(frames.allocate())
        frames.share(frame)
        #expect(frames.referenceCount(of: frame) == 2 && frames.sharedFrames == 1)
        #expect(frames.free(frame) == false, "one reference left")
        #expect(frames.framesInUse == 1)
        #expect(frames.free(frame) == true)
        #expect(frames.referenceCount(of: frame) == 0 && frames.framesInUse == 0)
    }
}
