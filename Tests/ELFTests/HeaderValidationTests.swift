import Testing
@testable import ELF

/// Malformed headers and header tables, crafted from the valid sample, each rejected with its exact error.
@Suite struct HeaderValidationTests {
    private func parse(_ bytes: [UInt8]) -> ELFError? {
        do { _ = try ELFFile(bytes: bytes); return nil } catch { return error }
    }

    @Test(arguments: [
        [UInt8](),
        [0x7f, 0x45, 0x4c],
        Array("#!/bin/sh\necho not an executable for tinyrv\n".utf8),
        [0xcf, 0xfa, 0xed, 0xfe] + [UInt8](repeating: 0, count: 60),
    ])
    func fileWithoutTheMagicIsNotELF(_ bytes: [UInt8]) {
        #expect(parse(bytes) == .notELF)
    }

    @Test(arguments: [4, 10, 15, 16, 40, 63])
    func cutInsideTheELFHeaderIsTruncated(at length: Int) {
        let bytes = ELFBuilder.sample().build()
        #expect(parse(Array(bytes.prefix(length))) == .truncated(.elfHeader))
    }

    @Test(arguments: [(64, 0), (64 + 55, 0), (64 + 56, 1), (64 + 56 + 30, 1)])
    func cutInsideTheProgramHeadersIsTruncated(at length: Int, header: Int) {
        let bytes = ELFBuilder.sample().build()
        #expect(parse(Array(bytes.prefix(length))) == .truncated(.programHeader(header)))
    }

    @Test func cutInsideTheSectionHeaderTableIsTruncated() throws {
        let layout = ELFBuilder.sample().layout()
        let start = try #require(layout.sectionHeaderOffset)
        for length in [start + 1, start + 64 * 3 + 7, layout.bytes.count - 1] {
            #expect(parse(Array(layout.bytes.prefix(length))) == .truncated(.sectionHeaderTable))
        }
    }

    @Test func sectionBytesPastTheEndAreTruncated() throws {
        var layout = ELFBuilder.sample().layout()
        let index = try #require(layout.sectionIndices[".tinyrv_expect"])
        layout.patchSectionHeader(index, field: 24, UInt64(layout.bytes.count - 2))
        #expect(parse(layout.bytes) == .truncated(.section(index: index, name: ".tinyrv_expect")))
    }

    @Test func noBitsSectionMayExtendPastTheEnd() throws {
        var layout = ELFBuilder.sample().layout()
        let index = try #require(layout.sectionIndices[".bss"])
        layout.patchSectionHeader(index, field: 32, 0x10_0000)
        #expect(parse(layout.bytes) == nil)
    }

    @Test(arguments: [UInt8(1), 0, 3])
    func classOtherThan64IsWrongClass(_ elfClass: UInt8) {
        var builder = ELFBuilder.sample()
        builder.elfClass = elfClass
        #expect(parse(builder.build()) == .wrongClass(elfClass))
    }

    @Test(arguments: [UInt8(2), 0, 7])
    func byteOrderOtherThanLittleEndianIsWrongByteOrder(_ order: UInt8) {
        var builder = ELFBuilder.sample()
        builder.byteOrder = order
        #expect(parse(builder.build()) == .wrongByteOrder(order))
    }

    @Test func identVersionOtherThanCurrentIsUnsupported() {
        var builder = ELFBuilder.sample()
        builder.identVersion = 0
        #expect(parse(builder.build()) == .unsupportedVersion(0))
    }

    @Test(arguments: [UInt16(62), 183, 3, 0])
    func machineOtherThanRISCVIsWrongMachine(_ machine: UInt16) {
        var builder = ELFBuilder.sample()
        builder.machine = machine
        #expect(parse(builder.build()) == .wrongMachine(machine))
    }

    @Test(arguments: [UInt16(1), 4, 0])
    func typeOtherThanExecutableOrSharedIsRejected(_ type: UInt16) {
        var builder = ELFBuilder.sample()
        builder.type = type
        #expect(parse(builder.build()) == .notExecutable(type))
    }

    @Test func classIsCheckedBeforeMachine() {
        var builder = ELFBuilder.sample()
        builder.elfClass = 1
        builder.machine = 62
        #expect(parse(builder.build()) == .wrongClass(1))
    }

    @Test func programHeaderEntrySizeMustBeELF64() {
        var layout = ELFBuilder.sample().layout()
        layout.patch(32, at: 54, size: 2)
        #expect(parse(layout.bytes) == .badProgramHeaderEntrySize(32))
    }

    @Test func sectionHeaderEntrySizeMustBeELF64() {
        var layout = ELFBuilder.sample().layout()
        layout.patch(40, at: 58, size: 2)
        #expect(parse(layout.bytes) == .badSectionHeaderEntrySize(40))
    }

    @Test func hugeProgramHeaderCountIsTruncatedNotACrash() {
        var layout = ELFBuilder.sample().layout()
        layout.patch(0xfff0, at: 56, size: 2)
        #expect(parse(layout.bytes) == .truncated(.programHeader(Int((layout.bytes.count - 64) / 56))))
    }

    @Test func programHeaderOffsetOverflowIsTruncated() {
        var layout = ELFBuilder.sample().layout()
        layout.patch(UInt64.max - 8, at: 32, size: 8)
        #expect(parse(layout.bytes) == .truncated(.programHeader(0)))
    }

    @Test func fileWithoutSectionHeadersHasNoSymbolsOrSections() throws {
        var builder = ELFBuilder.sample()
        builder.sections = []
        builder.symbols = []
        let file = try ELFFile(bytes: builder.build())
        #expect(file.symbol(named: "main") == nil)
        #expect(file.symbolize(0x10010) == nil)
        #expect(file.section(named: ".text") == nil)
    }
}
