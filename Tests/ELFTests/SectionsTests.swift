import Testing
@testable import ELF

@Suite struct SectionsTests {
    @Test func namedSectionBytesAreReturned() throws {
        let file = try ELFFile(bytes: ELFBuilder.sample().build())
        #expect(file.section(named: ".tinyrv_expect") == Array("exit 3\n".utf8))
        #expect(file.section(named: ".text") == (0..<0x40).map { UInt8($0) })
        #expect(file.section(named: ".shstrtab")?.first == 0)
    }

    @Test func noBitsAndAbsentSectionsAreNil() throws {
        let file = try ELFFile(bytes: ELFBuilder.sample().build())
        #expect(file.section(named: ".bss") == nil)
        #expect(file.section(named: ".data") == nil)
        #expect(file.section(named: "") == nil)
    }

    @Test func emptySectionIsEmptyNotNil() throws {
        var builder = ELFBuilder.sample()
        builder.sections.append(.init(name: ".empty"))
        #expect(try ELFFile(bytes: builder.build()).section(named: ".empty") == [])
    }

    @Test func firstOfTwoSameNamedSectionsWins() throws {
        var builder = ELFBuilder.sample()
        builder.sections.append(.init(name: ".tinyrv_expect", bytes: [1, 2]))
        #expect(try ELFFile(bytes: builder.build()).section(named: ".tinyrv_expect") == Array("exit 3\n".utf8))
    }
}
