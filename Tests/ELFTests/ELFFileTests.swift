import Testing
@testable import ELF

@Suite struct ELFFileTests {
    @Test func sampleParsesWithEntryAndLoadSegmentsInFileOrder() throws {
        let file = try ELFFile(bytes: ELFBuilder.sample().build())
        #expect(file.entry == 0x10000)
        #expect(file.segments.count == 2)
        #expect(file.tls == nil)
    }

    @Test func segmentFieldsBytesAndFlagsComeFromTheProgramHeaders() throws {
        let layout = ELFBuilder.sample().layout()
        let file = try ELFFile(bytes: layout.bytes)
        let text = file.segments[0], data = file.segments[1]

        #expect(text.virtualAddress == 0x10000)
        #expect(text.physicalAddress == 0x10000)
        #expect(text.fileSize == 0x40)
        #expect(text.memorySize == 0x40)
        #expect(text.alignment == 0x1000)
        #expect(text.flags == [.read, .execute])
        #expect(text.bytes == (0..<0x40).map { UInt8($0) })
        #expect(text.fileOffset == UInt64(layout.segmentDataOffsets[0]))

        #expect(data.virtualAddress == 0x11000)
        #expect(data.fileSize == 16)
        #expect(data.memorySize == 0x100)
        #expect(data.virtualEnd == 0x11100)
        #expect(data.flags == [.read, .write])
        #expect(data.bytes == Array(repeating: 0xab, count: 16))
    }

    @Test func physicalAddressIsReportedSeparately() throws {
        var builder = ELFBuilder()
        builder.entry = 0x8000_0000
        builder.segments = [.init(virtualAddress: 0x8000_0000, physicalAddress: 0x8100_0000, bytes: [0x73, 0, 0x10, 0])]
        let segment = try #require(try ELFFile(bytes: builder.build()).segments.first)
        #expect(segment.virtualAddress == 0x8000_0000)
        #expect(segment.physicalAddress == 0x8100_0000)
    }

    @Test func flagBitsBeyondRWXAreDropped() throws {
        var builder = ELFBuilder()
        builder.segments = [.init(flags: 0x0ff0_0007, virtualAddress: 0x10000, bytes: [1])]
        let file = try ELFFile(bytes: builder.build())
        #expect(file.segments[0].flags == [.read, .write, .execute])
        #expect(file.segments[0].flags.description == "RWE")
    }

    @Test func emptyFileSegmentHasNoBytesButItsMemorySize() throws {
        var builder = ELFBuilder()
        builder.segments = [
            .init(virtualAddress: 0x10000, bytes: [1, 2]),
            .init(flags: 6, virtualAddress: 0x20000, memorySize: 0x3000),
        ]
        let file = try ELFFile(bytes: builder.build())
        #expect(file.segments[1].bytes.isEmpty)
        #expect(file.segments[1].memorySize == 0x3000)
    }

    @Test func nonLoadSegmentsAreSkippedAndTLSIsReported() throws {
        var builder = ELFBuilder.sample()
        builder.segments.insert(.init(type: 4, flags: 4, virtualAddress: 0x10100, bytes: [9, 9]), at: 1)
        builder.segments.append(.init(type: 7, flags: 4, virtualAddress: 0x11000, bytes: [7, 7, 7], memorySize: 0x10, alignment: 8))
        let file = try ELFFile(bytes: builder.build())
        #expect(file.segments.map(\.virtualAddress) == [0x10000, 0x11000])
        let tls = try #require(file.tls)
        #expect(tls.bytes == [7, 7, 7])
        #expect(tls.memorySize == 0x10)
        #expect(tls.alignment == 8)
    }

    @Test func programHeaderTableUsesPTPHDRWhenPresent() throws {
        var builder = ELFBuilder.sample()
        builder.programHeaderSegmentAddress = 0x10040
        let file = try ELFFile(bytes: builder.build())
        #expect(file.programHeaders == ProgramHeaderTable(virtualAddress: 0x10040, entrySize: 56, count: 3, fileOffset: 64))
        #expect(file.segments.count == 2)
    }

    @Test func programHeaderTableAddressIsComputedFromTheLoadCoveringIt() throws {
        var layout = ELFBuilder.sample().layout()
        let textEnd = UInt64(layout.segmentDataOffsets[0] + 0x40)
        layout.patchProgramHeader(0, field: 8, 0)
        layout.patchProgramHeader(0, field: 32, textEnd)
        layout.patchProgramHeader(0, field: 40, textEnd)
        let file = try ELFFile(bytes: layout.bytes)
        #expect(file.programHeaders == ProgramHeaderTable(virtualAddress: 0x10040, entrySize: 56, count: 2, fileOffset: 64))
        #expect(file.segments[0].bytes == Array(layout.bytes[0..<Int(textEnd)]))
    }

    @Test func programHeaderTableAddressIsNilWhenNoLoadCoversIt() throws {
        let file = try ELFFile(bytes: ELFBuilder.sample().build())
        #expect(file.programHeaders == ProgramHeaderTable(virtualAddress: nil, entrySize: 56, count: 2, fileOffset: 64))
    }

    @Test func pathInitializerReadsTheFile() throws {
        let bytes = ELFBuilder.sample().build()
        let file = try TemporaryFile.withFile(bytes, named: "sample.elf") { try ELFFile(path: $0) }
        #expect(file.entry == 0x10000)
        #expect(file.segments == (try ELFFile(bytes: bytes)).segments)
    }
}
