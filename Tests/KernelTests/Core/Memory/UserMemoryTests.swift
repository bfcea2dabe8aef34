import Testing
@testable import Kernel

@Suite struct UserMemoryTests {
    @Test func copyInAcrossAPageBoundary() throws {
        let process = try Fixtures.process()
        let bytes = try process.copyIn(from: 0x10ffc, count: 8).get()
        #expect(bytes == [0, 0, 0, 0, 1, 2, 3, 4])
    }

    @Test func copyOutAcrossPagesFaultsInLazyStackPagesAndCountsThem() throws {
        let process = try Fixtures.process()
        let address: UInt64 = 0x3F_FFFF_E000 - 10
        try process.copyOut(Array(1...20), to: address).get()
        #expect(process.peek(address, count: 20) == Array(1...20))
        #expect(process.pageFaults.stack == 1)
        #expect(process.pageFaults.total == 1)
        #expect(process.addressSpace[process.stackRegion].residentPages == 2)
    }

    @Test func copyOutIntoAnUntouchedHeapPage() throws {
        let process = try Fixtures.process()
        _ = try process.addressSpace.extend(process.heapRegion, by: 8192).get()
        try process.copyOut([9, 8, 7], to: 0x14000).get()
        #expect(process.peek(0x14000, count: 3) == [9, 8, 7])
        #expect(process.pageFaults.heap == 1)
        #expect(process.addressSpace.pageTable.lookup(virtualAddress: 0x13000) == nil)
    }

    @Test func badPointersAreEFAULTAndFaultNothingIn() throws {
        let process = try Fixtures.process()
        _ = try process.addressSpace.extend(process.heapRegion, by: 4096).get()
        #expect(process.copyOut([1], to: 0).failure == .badAddress)
        #expect(process.copyIn(from: 0xffff_ffff_ffff_fff0, count: 32).failure == .badAddress)
        #expect(process.copyIn(from: 0x40_0000_0000, count: 1).failure == .badAddress)
        #expect(process.copyOut([1, 2], to: 0x13fff).failure == .badAddress, "runs off the end of the heap")
        #expect(process.copyOut([1], to: 0x10000).failure == .badAddress, "text is not writable")
        #expect(process.copyIn(from: 0x3F_FFFF_EFF8, count: 16).failure == .badAddress, "past the stack top")
        #expect(process.pageFaults.total == 0)
        #expect(process.addressSpace[process.heapRegion].residentPages == 0)
    }

    @Test func copyInStringStopsAtNulAndRejectsUnterminatedStrings() throws {
        let process = try Fixtures.process()
        try process.copyOut(Array("hello".utf8) + [0], to: 0x11ffd).get()
        #expect(try process.copyInString(from: 0x11ffd).get() == Array("hello".utf8))
        _ = try process.addressSpace.extend(process.heapRegion, by: 4096).get()
        try process.copyOut([UInt8](repeating: 65, count: 4096), to: 0x13000).get()
        #expect(process.copyInString(from: 0x13000).failure == .badAddress)
    }

    @Test func faultingInWithoutRAMIsAKill() throws {
        let process = try Fixtures.process(frameLimit: 9)
        let free = process.addressSpace.frames.framesFree
        #expect(free == 0)
        guard case .failure(.killed(let kill)) = process.copyOut([1], to: 0x3F_FFFF_D000) else {
            Issue.record("expected a kill")
            return
        }
        #expect(kill.reason == .outOfMemory)
        #expect(kill.message.contains("out of guest memory"))
    }
}
