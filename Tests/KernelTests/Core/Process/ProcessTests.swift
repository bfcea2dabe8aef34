import Testing
@testable import Kernel
import RISCV

@Suite struct ProcessTests {
    @Test func loadsOneRegionPerSegmentWithPermissionsFromFlags() throws {
        let process = try Fixtures.process()
        let regions = process.addressSpace.regions
        #expect(regions.map(\.kind) == [.code, .data, .heap, .stack])
        #expect(regions[0].start == 0x10000 && regions[0].end == 0x11000)
        #expect(regions[0].permissions == [.read, .execute])
        #expect(regions[1].start == 0x11000 && regions[1].end == 0x13000)
        #expect(regions[1].permissions == [.read, .write])
        let leaf = try #require(process.addressSpace.pageTable.lookup(virtualAddress: 0x10000))
        #expect(leaf.permissions == [.read, .execute])
    }

    @Test func copiesFileBytesAndZeroesBss() throws {
        let process = try Fixtures.process()
        #expect(process.peek(0x10000, count: 8) == [0x13, 0, 0, 0, 0x73, 0, 0, 0])
        #expect(process.peek(0x11000, count: 17) == Array(1...16) + [0])
        #expect(process.peek(0x127f8, count: 8) == [UInt8](repeating: 0, count: 8))
    }

    @Test func heapStartsEmptyAtThePageAlignedEndOfTheHighestSegment() throws {
        let process = try Fixtures.process()
        #expect(process.heapStart == 0x13000)
        #expect(process.programBreak == 0x13000)
        #expect(process.addressSpace[process.heapRegion].residentPages == 0)
    }

    @Test func writableExecutableSegmentBecomesDataNeverExecutable() throws {
        let image = ProgramImage(entry: 0x10000, segments: [
            .init(virtualAddress: 0x10000, memorySize: 4, bytes: [1, 2, 3, 4], permissions: [.read, .write, .execute]),
        ])
        let process = try Fixtures.process(image: image)
        let region = try #require(process.addressSpace.region(containing: 0x10000)?.region)
        #expect(region.kind == .data && region.permissions == [.read, .write])
    }

    @Test func stackRegionIsTheSeedsAndOnlyItsTopPageIsMapped() throws {
        let process = try Fixtures.process()
        let stack = process.addressSpace[process.stackRegion]
        #expect(stack.end == 0x3F_FFFF_F000)
        #expect(stack.start == 0x3F_FFFF_F000 - 10 * 4096)
        #expect(stack.residentPages == 1)
        #expect(process.addressSpace.pageTable.lookup(virtualAddress: 0x3F_FFFF_E000) != nil)
        #expect(process.addressSpace.pageTable.lookup(virtualAddress: 0x3F_FFFF_D000) == nil)
        let custom = try Fixtures.process(options: Fixtures.options(stackPages: 3))
        #expect(custom.addressSpace[custom.stackRegion].start == 0x3F_FFFF_F000 - 3 * 4096)
    }

    @Test func rejectsSegmentsThatOverlapOrLeaveUserSpace() throws {
        let overlapping = ProgramImage(entry: 0x10000, segments: [
            .init(virtualAddress: 0x10000, memorySize: 0x1800, bytes: [], permissions: [.read, .execute]),
            .init(virtualAddress: 0x11000, memorySize: 8, bytes: [], permissions: [.read, .write]),
        ])
        #expect(throws: ProcessSetupError.overlappingSegments(virtualAddress: 0x11000)) { try Fixtures.process(image: overlapping) }
        let outside = ProgramImage(entry: 0, segments: [
            .init(virtualAddress: 0x3F_FFFF_FF00, memorySize: 0x1000, bytes: [], permissions: [.read]),
        ])
        #expect(throws: ProcessSetupError.segmentOutsideUserSpace(virtualAddress: 0x3F_FFFF_FF00, memorySize: 0x1000)) {
            try Fixtures.process(image: outside)
        }
    }

    @Test func tooLittleRAMIsASetupError() throws {
        #expect(throws: ProcessSetupError.outOfMemory) { try Fixtures.process(frameLimit: 5) }
    }

    @Test func argumentsLargerThanTheStackAreASetupError() throws {
        let big = String(repeating: "x", count: 5000)
        #expect(throws: ProcessSetupError.self) {
            try Fixtures.process(options: Fixtures.options(arguments: ["p", big], stackPages: 1))
        }
        let fits = try Fixtures.process(options: Fixtures.options(arguments: ["p", big], stackPages: 2))
        #expect(fits.addressSpace[fits.stackRegion].residentPages == 2)
    }
}
