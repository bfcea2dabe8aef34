import Testing
@testable import ELF

@Suite struct SymbolsTests {
    private let file: ELFFile
    init() throws { file = try ELFFile(bytes: ELFBuilder.sample().build()) }

    @Test func definedSymbolsAreFoundByName() {
        #expect(file.symbol(named: "tohost") == 0x11000)
        #expect(file.symbol(named: "fromhost") == 0x11008)
        #expect(file.symbol(named: "main") == 0x10010)
        #expect(file.symbol(named: "_start") == 0x10000)
        #expect(file.symbol(named: "helper") == 0x10030)
    }

    @Test func undefinedAndMissingSymbolsAreNil() {
        #expect(file.symbol(named: "puts") == nil)
        #expect(file.symbol(named: "nothing") == nil)
        #expect(file.symbol(named: "") == nil)
    }

    @Test func addressInsideAFunctionIsSymbolizedWithItsOffset() throws {
        let inside = try #require(file.symbolize(0x10014))
        #expect(inside.name == "main" && inside.offset == 4)
        let start = try #require(file.symbolize(0x10010))
        #expect(start.name == "main" && start.offset == 0)
        let last = try #require(file.symbolize(0x1002f))
        #expect(last.name == "main" && last.offset == 0x1f)
        let local = try #require(file.symbolize(0x10033))
        #expect(local.name == "helper" && local.offset == 3)
        let object = try #require(file.symbolize(0x11009))
        #expect(object.name == "fromhost" && object.offset == 1)
    }

    @Test func sizeZeroLabelCoversUpToTheNextSymbol() throws {
        let label = try #require(file.symbolize(0x1000c))
        #expect(label.name == "_start" && label.offset == 0xc)
    }

    @Test func addressPastTheNearestSymbolsSizeOrBelowAllSymbolsIsNil() {
        #expect(file.symbolize(0x10038) == nil)
        #expect(file.symbolize(0x11010) == nil)
        #expect(file.symbolize(0xfff) == nil)
    }

    @Test func globalDefinitionWinsOverLocalOfTheSameName() throws {
        var builder = ELFBuilder.sample()
        builder.symbols = [
            .init(name: "twice", value: 0x10000, size: 4, binding: 0),
            .init(name: "twice", value: 0x10020, size: 4, binding: 1),
            .init(name: "twice", value: 0x10030, size: 4, binding: 2),
        ]
        #expect(try ELFFile(bytes: builder.build()).symbol(named: "twice") == 0x10020)
    }

    @Test func globalNameIsPreferredAtTheSameAddressAndLocalLabelsAreIgnored() throws {
        var builder = ELFBuilder.sample()
        builder.symbols = [
            .init(name: "local_alias", value: 0x10000, size: 0x10, binding: 0),
            .init(name: "entry", value: 0x10000, size: 0x10, binding: 1),
            .init(name: "$x", value: 0x10004, type: 0, binding: 0),
            .init(name: "file.c", value: 0, type: 4, binding: 0, sectionIndex: 0xfff1),
        ]
        let file = try ELFFile(bytes: builder.build())
        let symbol = try #require(file.symbolize(0x10008))
        #expect(symbol.name == "entry" && symbol.offset == 8)
    }
}
