import Testing
@testable import Kernel
import RISCV

@Suite struct PageTableTests {
    @Test func mapWritesRealSv39EntriesInRAM() throws {
        let frames = try Fixtures.frames()
        let table = try #require(PageTable(frames: frames))
        let frame = try #require(frames.allocate())
        let va: UInt64 = 0x3F_FFFF_E000
        #expect(table.map(virtualAddress: va, to: frame, permissions: [.read, .write]))

        // Walk the three levels by hand, reading the PTEs back from guest RAM.
        let memory = frames.memory
        var tableAddress = table.root
        for level in [2, 1] {
            let pte = memory.load(UInt64.self, at: tableAddress + ((va >> (12 + 9 * UInt64(level))) & 0x1ff) * 8)
            #expect(pte & 0xff == 0x01, "level \(level) entry is a valid non-leaf pointer")
            tableAddress = (pte >> 10) << 12
            #expect(frames.isAllocated(frame: tableAddress))
        }
        let leaf = memory.load(UInt64.self, at: tableAddress + ((va >> 12) & 0x1ff) * 8)
        #expect(leaf & 0xff == 0b1101_0111, "V R W U A D")
        #expect((leaf >> 10) << 12 == frame)
        #expect(table.satp == (8 << 60) | (table.root >> 12))
    }

    @Test func lookupAndTranslateFollowTheMapping() throws {
        let frames = try Fixtures.frames()
        let table = try #require(PageTable(frames: frames))
        let frame = try #require(frames.allocate())
        #expect(table.map(virtualAddress: 0x10000, to: frame, permissions: [.read, .execute]))
        let entry = try #require(table.lookup(virtualAddress: 0x10abc))
        #expect(entry.permissions == [.read, .execute])
        #expect(entry.isUser && entry.isLeaf)
        #expect(table.translate(0x10abc) == frame + 0xabc)
        #expect(table.lookup(virtualAddress: 0x11000) == nil)
        #expect(table.translate(0x4000_0000_0000) == nil)
    }

    @Test func unmapReturnsTheFrameAndClearsTheEntry() throws {
        let frames = try Fixtures.frames()
        let table = try #require(PageTable(frames: frames))
        let frame = try #require(frames.allocate())
        #expect(table.map(virtualAddress: 0x20000, to: frame, permissions: [.read]))
        #expect(table.unmap(virtualAddress: 0x20123) == frame)
        #expect(table.lookup(virtualAddress: 0x20000) == nil)
        #expect(table.unmap(virtualAddress: 0x20000) == nil)
        #expect(frames.isAllocated(frame: frame), "unmap leaves freeing to the caller")
    }

    @Test func mapFailsCleanlyWhenNoFrameIsLeftForATable() throws {
        let frames = try Fixtures.frames(pages: 16, limit: 3)
        let table = try #require(PageTable(frames: frames))
        let frame = try #require(frames.allocate())
        _ = try #require(frames.allocate())
        #expect(!table.map(virtualAddress: 0x10000, to: frame, permissions: [.read]))
        #expect(table.lookup(virtualAddress: 0x10000) == nil)
    }

    @Test func mappedPagesListsOnlyMappedPagesInRange() throws {
        let frames = try Fixtures.frames()
        let table = try #require(PageTable(frames: frames))
        for va: UInt64 in [0x10000, 0x12000, 0x4000_0000, 0x3F_FFFF_E000] {
            #expect(table.map(virtualAddress: va, to: try #require(frames.allocate()), permissions: [.read]))
        }
        #expect(table.mappedPages(from: 0x11000, to: 0x3F_FFFF_F000) == [0x12000, 0x4000_0000, 0x3F_FFFF_E000])
        #expect(table.mappedPages(from: 0, to: 0x12000) == [0x10000])
    }
}
