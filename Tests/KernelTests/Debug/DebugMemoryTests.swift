import Testing
@testable import Kernel
import RISCV

/// A debugger's reads change neither residency nor fault counts; its writes map what they must.
@Suite struct DebugMemoryTests {
    @Test func readingAnUntouchedStackPageReadsZerosAndMapsNothing() throws {
        let process = try Fixtures.process()
        let page = Process.stackUpperBound - 5 * Fixtures.page
        let resident = process.addressSpace[process.stackRegion].residentPages
        #expect(process.debugRead(page + 8, count: 16) == [UInt8](repeating: 0, count: 16))
        #expect(process.addressSpace.pageTable.lookup(virtualAddress: page) == nil)
        #expect(process.addressSpace[process.stackRegion].residentPages == resident)
        #expect(process.pageFaults.total == 0)
    }

    @Test func readsStopAtTheFirstByteOutsideEveryRegion() throws {
        let process = try Fixtures.process()
        // Data is 0x11000..0x12800 (two pages); 0x13000 is the empty heap's start, outside it.
        #expect(process.debugRead(0x11000, count: 4) == [1, 2, 3, 4])
        #expect(process.debugRead(0x12ffe, count: 4) == [0, 0])
        #expect(process.debugRead(0x20000, count: 4) == [])
        #expect(process.debugRead(UInt64.max - 1, count: 4) == [])
    }

    @Test func writesMapUntouchedPagesWithoutCountingFaults() throws {
        let process = try Fixtures.process()
        let address = Process.stackUpperBound - 3 * Fixtures.page + 4
        #expect(process.debugWrite([7, 8, 9], at: address))
        #expect(process.peek(address, count: 3) == [7, 8, 9])
        #expect(process.pageFaults.total == 0)
        // Code is read-only to the guest, not to the debugger.
        #expect(process.debugWrite([0x6f], at: 0x10000))
        #expect(process.peek(0x10000, count: 1) == [0x6f])
    }

    @Test func writesToPrivatePagesReachNeitherTheFilesOtherMappingsNorAForkedChild() throws {
        let process = try Fixtures.process()
        let file = try SharedPagesFixture().file
        for start: UInt64 in [0x100000, 0x200000] {
            var text = MemRegion(kind: .mmap, start: start, end: start + Fixtures.page, permissions: [.read, .execute])
            text.backing = FileBacking(file: file, offset: 0, shared: false)
            _ = try process.addressSpace.map(text).get()
        }
        #expect(process.takePageFault(address: 0x200000, access: .load, pc: 0) == nil)
        #expect(process.debugWrite([0x73], at: 0x100004), "a breakpoint in the untouched text page")
        #expect(process.peek(0x100000, count: 6) == Array("AAAA".utf8) + [0x73, UInt8(ascii: "A")])
        #expect(process.peek(0x200004, count: 1) == [UInt8(ascii: "A")], "the other mapping keeps the file's byte")
        #expect(process.pageFaults.total == 1)
        let child = try #require(process.addressSpace.forkCopy())
        #expect(process.debugWrite([0x02], at: 0x11000))
        let childData = try #require(child.pageTable.translate(0x11000))
        #expect(child.frames.memory.load(UInt8.self, at: childData) == 1, "the child keeps its copy-on-write page")
        child.tearDown()
    }

    @Test func writesThatLeaveTheRegionsWriteNothing() throws {
        let process = try Fixtures.process()
        #expect(!process.debugWrite([1, 2, 3, 4], at: 0x127fe + 0x800))
        #expect(!process.debugWrite([1, 2], at: UInt64.max))
        #expect(process.debugWrite([], at: 0x5000))
        #expect(process.peek(0x12ffe, count: 2) == [0, 0])
    }
}
