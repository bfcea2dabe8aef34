/// Emits small ELF64 images byte by byte, for tests: an ELF header, program headers, segment data and,
/// when there are sections or symbols, section data, `.symtab`, `.strtab`, `.shstrtab` and the section
/// header table. Defaults describe a valid RV64 ET_EXEC; tests change a field or patch the bytes to
/// make each kind of malformed file.
struct ELFBuilder {
    struct Segment {
        var type: UInt32 = 1
        var flags: UInt32 = 5
        var virtualAddress: UInt64
        var physicalAddress: UInt64?
        var bytes: [UInt8] = []
        var memorySize: UInt64?
        var alignment: UInt64 = 0x1000
        /// Overrides where the header says the bytes are (the bytes are still written at the natural place).
        var fileOffset: UInt64?
        /// Overrides `p_filesz` (defaults to `bytes.count`).
        var fileSize: UInt64?
    }

    struct Section {
        var name: String
        var type: UInt32 = 1
        var bytes: [UInt8] = []
        /// `sh_size` for SHT_NOBITS sections, which have no bytes.
        var noBitsSize: UInt64 = 0
    }

    struct Symbol {
        var name: String
        var value: UInt64
        var size: UInt64 = 0
        var type: UInt8 = 2
        var binding: UInt8 = 1
        var sectionIndex: UInt16 = 1
    }

    /// The built image plus where things landed, for tests that patch fields.
    struct Layout {
        var bytes: [UInt8]
        let programHeaderOffset: Int
        let sectionHeaderOffset: Int?
        /// Section indices by name (the null section is 0).
        let sectionIndices: [String: Int]
        let segmentDataOffsets: [Int]

        /// Writes `value` little-endian into `size` bytes at `offset`.
        mutating func patch(_ value: UInt64, at offset: Int, size: Int) {
            for byte in 0..<size { bytes[offset + byte] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(byte))) }
        }

        /// Patches field `fieldOffset` of program header `index` (e.g. 8 = p_offset, 32 = p_filesz).
        mutating func patchProgramHeader(_ index: Int, field fieldOffset: Int, _ value: UInt64, size: Int = 8) {
            patch(value, at: programHeaderOffset + index * 56 + fieldOffset, size: size)
        }

        /// Patches field `fieldOffset` of section header `index` (e.g. 24 = sh_offset, 32 = sh_size).
        mutating func patchSectionHeader(_ index: Int, field fieldOffset: Int, _ value: UInt64, size: Int = 8) {
            patch(value, at: sectionHeaderOffset! + index * 64 + fieldOffset, size: size)
        }
    }

    var elfClass: UInt8 = 2
    var byteOrder: UInt8 = 1
    var identVersion: UInt8 = 1
    var type: UInt16 = 2
    var machine: UInt16 = 243
    var entry: UInt64 = 0x10000
    /// When set, a PT_PHDR program header with this address comes first.
    var programHeaderSegmentAddress: UInt64?
    var segments: [Segment] = []
    var sections: [Section] = []
    var symbols: [Symbol] = []

    /// A valid executable: R+X text at 0x10000, R+W data at 0x11000 with .bss, a `.text`, a
    /// `.tinyrv_expect`, a `.bss` (NOBITS), and symbols `_start`, `main`, `helper`, `tohost`, `fromhost`.
    static func sample() -> ELFBuilder {
        var builder = ELFBuilder()
        let text = (0..<0x40).map { UInt8($0) }
        builder.segments = [
            Segment(flags: 5, virtualAddress: 0x10000, bytes: text),
            Segment(flags: 6, virtualAddress: 0x11000, bytes: Array(repeating: 0xab, count: 16), memorySize: 0x100),
        ]
        builder.sections = [
            Section(name: ".text", bytes: text),
            Section(name: ".tinyrv_expect", bytes: Array("exit 3\n".utf8)),
            Section(name: ".bss", type: 8, noBitsSize: 0xf0),
        ]
        builder.symbols = [
            Symbol(name: "_start", value: 0x10000, type: 0),
            Symbol(name: "main", value: 0x10010, size: 0x20),
            Symbol(name: "helper", value: 0x10030, size: 0x8, binding: 0),
            Symbol(name: "tohost", value: 0x11000, size: 8, type: 1, sectionIndex: 3),
            Symbol(name: "fromhost", value: 0x11008, size: 8, type: 1, sectionIndex: 3),
            Symbol(name: "puts", value: 0, sectionIndex: 0),
        ]
        return builder
    }

    func build() -> [UInt8] { layout().bytes }

    func layout() -> Layout {
        var headers = segments.map { segment -> (Segment, isPhdr: Bool) in (segment, false) }
        if let address = programHeaderSegmentAddress {
            headers.insert((Segment(type: 6, flags: 4, virtualAddress: address, alignment: 8), true), at: 0)
        }
        let programHeaderOffset = 64
        var image = [UInt8](repeating: 0, count: programHeaderOffset + headers.count * 56)

        var dataOffsets: [Int] = []
        for (segment, _) in headers {
            image.align(to: 16)
            dataOffsets.append(image.count)
            image += segment.bytes
        }
        for (index, (segment, isPhdr)) in headers.enumerated() {
            let tableSize = UInt64(headers.count * 56)
            let offset = isPhdr ? UInt64(programHeaderOffset) : segment.fileOffset ?? UInt64(dataOffsets[index])
            let fileSize = isPhdr ? tableSize : segment.fileSize ?? UInt64(segment.bytes.count)
            var header: [UInt8] = []
            header.append(segment.type, size: 4)
            header.append(segment.flags, size: 4)
            header.append(offset, size: 8)
            header.append(segment.virtualAddress, size: 8)
            header.append(segment.physicalAddress ?? segment.virtualAddress, size: 8)
            header.append(fileSize, size: 8)
            header.append(isPhdr ? tableSize : segment.memorySize ?? fileSize, size: 8)
            header.append(segment.alignment, size: 8)
            image.replaceSubrange(programHeaderOffset + index * 56 ..< programHeaderOffset + (index + 1) * 56, with: header)
        }

        var sectionHeaderOffset: Int?
        var sectionIndices: [String: Int] = [:]
        if !sections.isEmpty || !symbols.isEmpty {
            var all = sections
            if !symbols.isEmpty {
                all.append(Section(name: ".symtab", type: 2, bytes: symbolTableBytes()))
                all.append(Section(name: ".strtab", type: 3, bytes: stringTable(symbols.map(\.name)).bytes))
            }
            all.append(Section(name: ".shstrtab", type: 3))
            let names = stringTable(all.map(\.name))
            all[all.count - 1].bytes = names.bytes

            var sectionOffsets: [Int] = []
            for section in all {
                image.align(to: 8)
                sectionOffsets.append(image.count)
                image += section.bytes
            }
            image.align(to: 8)
            sectionHeaderOffset = image.count
            image += [UInt8](repeating: 0, count: 64)
            let stringTableIndex = all.firstIndex { $0.name == ".strtab" }.map { $0 + 1 } ?? 0
            for (position, section) in all.enumerated() {
                sectionIndices[section.name] = position + 1
                let isSymbols = section.type == 2
                image.append(UInt64(names.offsets[position]), size: 4)
                image.append(UInt64(section.type), size: 4)
                image.append(0, size: 8)
                image.append(0, size: 8)
                image.append(UInt64(sectionOffsets[position]), size: 8)
                image.append(section.type == 8 ? section.noBitsSize : UInt64(section.bytes.count), size: 8)
                image.append(isSymbols ? UInt64(stringTableIndex) : 0, size: 4)
                image.append(isSymbols ? 1 : 0, size: 4)
                image.append(isSymbols ? 8 : 1, size: 8)
                image.append(isSymbols ? 24 : 0, size: 8)
            }
            image.replaceSubrange(0..<64, with: elfHeader(
                programHeaderCount: headers.count, sectionHeaderOffset: sectionHeaderOffset!,
                sectionCount: all.count + 1, nameTableIndex: all.count))
        } else {
            image.replaceSubrange(0..<64, with: elfHeader(
                programHeaderCount: headers.count, sectionHeaderOffset: 0, sectionCount: 0, nameTableIndex: 0))
        }
        return Layout(bytes: image, programHeaderOffset: programHeaderOffset, sectionHeaderOffset: sectionHeaderOffset,
                      sectionIndices: sectionIndices, segmentDataOffsets: dataOffsets)
    }

    private func elfHeader(programHeaderCount: Int, sectionHeaderOffset: Int, sectionCount: Int,
                           nameTableIndex: Int) -> [UInt8] {
        var header: [UInt8] = [0x7f, 0x45, 0x4c, 0x46, elfClass, byteOrder, identVersion]
        header += [UInt8](repeating: 0, count: 9)
        header.append(UInt64(type), size: 2)
        header.append(UInt64(machine), size: 2)
        header.append(1, size: 4)
        header.append(entry, size: 8)
        header.append(64, size: 8)
        header.append(UInt64(sectionHeaderOffset), size: 8)
        header.append(0, size: 4)
        header.append(64, size: 2)
        header.append(56, size: 2)
        header.append(UInt64(programHeaderCount), size: 2)
        header.append(64, size: 2)
        header.append(UInt64(sectionCount), size: 2)
        header.append(UInt64(nameTableIndex), size: 2)
        return header
    }

    private func symbolTableBytes() -> [UInt8] {
        let names = stringTable(symbols.map(\.name))
        var table = [UInt8](repeating: 0, count: 24)
        for (position, symbol) in symbols.enumerated() {
            table.append(UInt64(names.offsets[position]), size: 4)
            table.append(UInt64(symbol.binding << 4 | symbol.type), size: 1)
            table.append(0, size: 1)
            table.append(UInt64(symbol.sectionIndex), size: 2)
            table.append(symbol.value, size: 8)
            table.append(symbol.size, size: 8)
        }
        return table
    }

    /// A string table (leading NUL) holding `names`, with each name's offset.
    private func stringTable(_ names: [String]) -> (bytes: [UInt8], offsets: [Int]) {
        var bytes: [UInt8] = [0]
        var offsets: [Int] = []
        for name in names {
            offsets.append(bytes.count)
            bytes += Array(name.utf8) + [0]
        }
        return (bytes, offsets)
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` little-endian in `size` bytes.
    mutating func append<T: BinaryInteger>(_ value: T, size: Int) {
        let wide = UInt64(truncatingIfNeeded: value)
        for byte in 0..<size { append(UInt8(truncatingIfNeeded: wide >> (8 * UInt64(byte)))) }
    }

    /// Pads with zeros to a multiple of `alignment`.
    mutating func align(to alignment: Int) {
        while count % alignment != 0 { append(0) }
    }
}
