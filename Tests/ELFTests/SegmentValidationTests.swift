import Testing
@testable import ELF

/// Malformed PT_LOAD segments, each rejected with its exact error; boundary cases that must pass.
@Suite struct SegmentValidationTests {
    private func parse(_ segments: [ELFBuilder.Segment]) -> ELFError? {
        var builder = ELFBuilder()
        builder.segments = segments
        do { _ = try ELFFile(bytes: builder.build()); return nil } catch { return error }
    }

    private let text = ELFBuilder.Segment(virtualAddress: 0x10000, bytes: Array(repeating: 0x13, count: 32))

    @Test func segmentBytesPastTheEndLieOutsideTheFile() {
        var outside = ELFBuilder.Segment(flags: 6, virtualAddress: 0x20000, bytes: [1, 2, 3, 4])
        outside.fileSize = 0x1_0000
        #expect(parse([text, outside]) == .segmentOutsideFile(1))
    }

    @Test func segmentOffsetPastTheEndLiesOutsideTheFile() {
        var outside = text
        outside.fileOffset = 0x100_0000
        #expect(parse([outside]) == .segmentOutsideFile(0))
    }

    @Test func segmentOffsetOverflowLiesOutsideTheFile() {
        var outside = text
        outside.fileOffset = UInt64.max - 4
        #expect(parse([outside]) == .segmentOutsideFile(0))
    }

    @Test func fileSizeAboveMemorySizeIsRejected() {
        var data = ELFBuilder.Segment(flags: 6, virtualAddress: 0x20000, bytes: Array(repeating: 1, count: 16))
        data.memorySize = 8
        #expect(parse([text, data]) == .fileSizeExceedsMemorySize(segment: 1, fileSize: 16, memorySize: 8))
    }

    @Test func overlappingVirtualRangesAreRejected() {
        let data = ELFBuilder.Segment(flags: 6, virtualAddress: 0x1001f, bytes: [1])
        #expect(parse([text, data]) == .overlappingSegments(0, 1))
        #expect(parse([data, text]) == .overlappingSegments(0, 1))
    }

    @Test func overlapIsFoundThroughMemorySizeAndAcrossOtherSegments() {
        var big = ELFBuilder.Segment(flags: 6, virtualAddress: 0x8000, bytes: [1], memorySize: 0x9000)
        big.alignment = 8
        let far = ELFBuilder.Segment(virtualAddress: 0x40000, bytes: [2])
        #expect(parse([far, text, big]) == .overlappingSegments(1, 2))
    }

    @Test func adjacentSegmentsDoNotOverlap() {
        let data = ELFBuilder.Segment(flags: 6, virtualAddress: 0x10020, bytes: [1])
        #expect(parse([text, data]) == nil)
    }

    @Test func emptySegmentsOccupyNoAddresses() {
        let empty = ELFBuilder.Segment(flags: 6, virtualAddress: 0x10010, memorySize: 0)
        #expect(parse([text, empty]) == nil)
    }

    @Test func memorySizeAboveOneGiBIsAbsurd() {
        let huge = ELFBuilder.Segment(flags: 6, virtualAddress: 0x20000, memorySize: (1 << 30) + 1)
        #expect(parse([text, huge]) == .absurdSize(segment: 1, memorySize: (1 << 30) + 1))
    }

    @Test func memorySizeOfExactlyOneGiBIsAccepted() {
        let large = ELFBuilder.Segment(flags: 6, virtualAddress: 0x10_0000, memorySize: 1 << 30)
        #expect(parse([text, large]) == nil)
    }

    @Test func virtualRangeOverflowIsRejected() {
        let wrapping = ELFBuilder.Segment(virtualAddress: UInt64.max - 0xfff, bytes: [1], memorySize: 0x2000)
        #expect(parse([wrapping]) == .addressOverflow(segment: 0, address: UInt64.max - 0xfff, memorySize: 0x2000))
    }

    @Test func physicalRangeOverflowIsRejected() {
        let wrapping = ELFBuilder.Segment(virtualAddress: 0x10000, physicalAddress: UInt64.max, bytes: [1])
        #expect(parse([wrapping]) == .addressOverflow(segment: 0, address: UInt64.max, memorySize: 1))
    }

    @Test func virtualRangeBeyondTheSv39UserHalfIsRejected() {
        let high = ELFBuilder.Segment(virtualAddress: (1 << 38) - 0x1000, bytes: [1], memorySize: 0x2000)
        #expect(parse([high]) == .beyondAddressSpace(segment: 0, end: (1 << 38) + 0x1000))
        let kernelHalf = ELFBuilder.Segment(virtualAddress: 1 << 38, bytes: [1], memorySize: 0x1000)
        #expect(parse([kernelHalf]) == .beyondAddressSpace(segment: 0, end: (1 << 38) + 0x1000))
    }

    @Test func virtualRangeEndingAtTheUserHalfsEndAndBareMetalAddressesAreAccepted() {
        let top = ELFBuilder.Segment(virtualAddress: (1 << 38) - 0x1000, bytes: [1], memorySize: 0x1000)
        let bare = ELFBuilder.Segment(virtualAddress: 0x8000_0000, bytes: [1])
        #expect(parse([bare, top]) == nil)
    }

    @Test func highPhysicalAddressIsAcceptedWhenItDoesNotOverflow() {
        let segment = ELFBuilder.Segment(virtualAddress: 0x10000, physicalAddress: 1 << 60, bytes: [1])
        #expect(parse([segment]) == nil)
    }

    @Test func noProgramHeadersMeansNoLoadableSegments() {
        #expect(parse([]) == .noLoadableSegments)
    }

    @Test func onlyNonLoadSegmentsMeansNoLoadableSegments() {
        let note = ELFBuilder.Segment(type: 4, flags: 4, virtualAddress: 0x10000, bytes: [1, 2, 3, 4])
        let stack = ELFBuilder.Segment(type: 0x6474_e551, flags: 6, virtualAddress: 0)
        #expect(parse([note, stack]) == .noLoadableSegments)
    }

    @Test func tlsOutsideTheFileIsRejected() {
        var tls = ELFBuilder.Segment(type: 7, flags: 4, virtualAddress: 0x20000, bytes: [1])
        tls.fileOffset = 0x100_0000
        #expect(parse([text, tls]) == .segmentOutsideFile(1))
    }
}
