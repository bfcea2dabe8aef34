import CLibELF

/// The single choke point between tinyrv and libelf: every C call of the ELF module lives in this file.
///
/// `LibELFImage` wraps one `Elf *` opened with `elf_memory` over a private copy of the file's bytes and
/// translates what libelf parses into the plain Swift records below. A handle never outlives
/// `LibELFImage.open`'s body, so no libelf state escapes `ELFFile.init(bytes:)`.
struct LibELFImage {
    /// `elf_version(EV_CURRENT)`, done once for the process; Swift guarantees a thread-safe lazy static.
    private static let versionNegotiated: Bool = elf_version(UInt32(EV_CURRENT)) != UInt32(EV_NONE)

    private let elf: OpaquePointer

    /// Opens `bytes` with `elf_memory` and runs `body` on the image. Returns `nil` when libelf refuses the
    /// image outright (`elf_memory` fails), which happens for headers too short for their class.
    static func open<R>(_ bytes: [UInt8], _ body: (LibELFImage) -> R) -> R? {
        precondition(versionNegotiated, "libelf does not support EV_CURRENT")
        var image = bytes
        return image.withUnsafeMutableBytes { raw -> R? in
            guard let base = raw.baseAddress,
                  let elf = elf_memory(base.assumingMemoryBound(to: CChar.self), raw.count)
            else { return nil }
            defer { elf_end(elf) }
            return body(LibELFImage(elf: elf))
        }
    }

    /// The last libelf error as text, for reasons libelf reports but does not classify.
    static var lastErrorMessage: String {
        guard let message = elf_errmsg(-1) else { return "unknown libelf error" }
        return String(cString: message)
    }

    /// True when libelf recognised the image as ELF (`elf_kind == ELF_K_ELF`).
    var isELF: Bool { elf_kind(elf) == ELF_K_ELF }

    /// The `e_ident` bytes (`elf_getident`); only meaningful when `isELF`.
    var identification: [UInt8]? {
        var size = 0
        guard let ident = elf_getident(elf, &size) else { return nil }
        return UnsafeRawBufferPointer(start: ident, count: size).map { $0 }
    }

    /// The ELF header (`gelf_getehdr`), or nil if libelf cannot read it.
    var header: RawHeader? {
        var ehdr = GElf_Ehdr()
        guard gelf_getehdr(elf, &ehdr) != nil else { return nil }
        return RawHeader(
            type: ehdr.e_type, machine: ehdr.e_machine, entry: ehdr.e_entry,
            programHeaderOffset: ehdr.e_phoff, programHeaderEntrySize: ehdr.e_phentsize,
            programHeaderCount: ehdr.e_phnum,
            sectionHeaderOffset: ehdr.e_shoff, sectionHeaderEntrySize: ehdr.e_shentsize,
            sectionHeaderCount: ehdr.e_shnum)
    }

    /// The program header count as libelf resolves it (`elf_getphdrnum`, handling `PN_XNUM`).
    /// libelf silently caps it at what fits in the file, so callers validate bounds themselves.
    var programHeaderCount: Int? {
        var count = 0
        return elf_getphdrnum(elf, &count) == 0 ? count : nil
    }

    /// The section header count as libelf resolves it (`elf_getshdrnum`); 0 when the table is missing.
    var sectionHeaderCount: Int? {
        var count = 0
        return elf_getshdrnum(elf, &count) == 0 ? count : nil
    }

    /// Program header `index` (`gelf_getphdr`), or nil if libelf cannot read it.
    func programHeader(_ index: Int) -> RawProgramHeader? {
        var phdr = GElf_Phdr()
        guard gelf_getphdr(elf, Int32(index), &phdr) != nil else { return nil }
        return RawProgramHeader(
            type: phdr.p_type, flags: phdr.p_flags, offset: phdr.p_offset,
            virtualAddress: phdr.p_vaddr, physicalAddress: phdr.p_paddr,
            fileSize: phdr.p_filesz, memorySize: phdr.p_memsz, alignment: phdr.p_align)
    }

    /// `size` bytes of the file at `offset` (`elf_getdata_rawchunk`), or nil if they are not in the file.
    func fileBytes(offset: UInt64, size: UInt64) -> [UInt8]? {
        guard size > 0 else { return [] }
        guard let offset = Int64(exactly: offset), let size = Int(exactly: size),
              let data = elf_getdata_rawchunk(elf, offset, size, ELF_T_BYTE),
              let buffer = data.pointee.d_buf
        else { return nil }
        return Array(UnsafeRawBufferPointer(start: buffer, count: data.pointee.d_size))
    }

    /// Every section after the null section, in index order (`elf_nextscn`, `gelf_getshdr`,
    /// names through `elf_getshdrstrndx` + `elf_strptr`). Nil if libelf fails on any of them.
    func sectionHeaders() -> [RawSection]? {
        var nameTableIndex = 0
        let hasNames = elf_getshdrstrndx(elf, &nameTableIndex) == 0
        var sections: [RawSection] = []
        var scn: OpaquePointer? = nil
        while let next = elf_nextscn(elf, scn) {
            scn = next
            var shdr = GElf_Shdr()
            guard gelf_getshdr(next, &shdr) != nil else { return nil }
            let name = hasNames ? string(inTable: nameTableIndex, at: Int(shdr.sh_name)) : ""
            sections.append(RawSection(
                index: elf_ndxscn(next), name: name, type: shdr.sh_type, offset: shdr.sh_offset,
                size: shdr.sh_size, link: shdr.sh_link))
        }
        return sections
    }

    /// The raw bytes of section `index` (`elf_rawdata`), or nil if libelf cannot supply them.
    func sectionBytes(_ index: Int) -> [UInt8]? {
        guard let scn = elf_getscn(elf, index), let data = elf_rawdata(scn, nil) else { return nil }
        guard let buffer = data.pointee.d_buf else { return [] }
        return Array(UnsafeRawBufferPointer(start: buffer, count: data.pointee.d_size))
    }

    /// The symbols of symbol-table section `section` (`elf_getdata`, `gelf_getsym`), names resolved through
    /// its linked string table. Entry 0 (the null symbol) is skipped. Nil if libelf cannot read the table.
    func symbols(in section: RawSection) -> [RawSymbol]? {
        guard let scn = elf_getscn(elf, section.index), let data = elf_getdata(scn, nil) else { return nil }
        let entrySize = gelf_fsize(elf, ELF_T_SYM, 1, UInt32(EV_CURRENT))
        guard entrySize > 0 else { return nil }
        let count = data.pointee.d_size / entrySize
        var symbols: [RawSymbol] = []
        symbols.reserveCapacity(max(count - 1, 0))
        var sym = GElf_Sym()
        for index in stride(from: 1, to: count, by: 1) {
            guard gelf_getsym(data, Int32(index), &sym) != nil else { return nil }
            symbols.append(RawSymbol(
                name: string(inTable: Int(section.link), at: Int(sym.st_name)),
                value: sym.st_value, size: sym.st_size,
                type: sym.st_info & 0xf, binding: sym.st_info >> 4, sectionIndex: sym.st_shndx))
        }
        return symbols
    }

    private func string(inTable table: Int, at offset: Int) -> String {
        guard let pointer = elf_strptr(elf, table, offset) else { return "" }
        return String(cString: pointer)
    }
}

/// The ELF header fields tinyrv uses, as libelf's `GElf_Ehdr` gives them.
struct RawHeader {
    let type: UInt16, machine: UInt16, entry: UInt64
    let programHeaderOffset: UInt64, programHeaderEntrySize: UInt16, programHeaderCount: UInt16
    let sectionHeaderOffset: UInt64, sectionHeaderEntrySize: UInt16, sectionHeaderCount: UInt16
}

/// One program header, as libelf's `GElf_Phdr` gives it.
struct RawProgramHeader {
    let type: UInt32, flags: UInt32, offset: UInt64
    let virtualAddress: UInt64, physicalAddress: UInt64
    let fileSize: UInt64, memorySize: UInt64, alignment: UInt64
}

/// One section header with its resolved name, as libelf's `GElf_Shdr` gives it.
struct RawSection {
    let index: Int, name: String, type: UInt32, offset: UInt64, size: UInt64, link: UInt32
}

/// One symbol-table entry with its resolved name, as libelf's `GElf_Sym` gives it.
struct RawSymbol: Sendable {
    let name: String, value: UInt64, size: UInt64, type: UInt8, binding: UInt8, sectionIndex: UInt16
}

/// The ELF constants tinyrv checks, taken from `<elf.h>` so no magic numbers are spelled twice.
enum ELFConstant {
    static let identSize = Int(EI_NIDENT)
    static let classIndex = Int(EI_CLASS), dataIndex = Int(EI_DATA), versionIndex = Int(EI_VERSION)
    static let magic: [UInt8] = Array(ELFMAG.utf8)
    static let class32 = UInt8(ELFCLASS32), class64 = UInt8(ELFCLASS64)
    static let littleEndian = UInt8(ELFDATA2LSB), bigEndian = UInt8(ELFDATA2MSB)
    static let currentVersion = UInt8(EV_CURRENT)
    static let header64Size = MemoryLayout<Elf64_Ehdr>.size
    static let programHeader64Size = MemoryLayout<Elf64_Phdr>.size
    static let sectionHeader64Size = MemoryLayout<Elf64_Shdr>.size
    static let machineRISCV = UInt16(EM_RISCV)
    static let typeNone = UInt16(ET_NONE), typeRelocatable = UInt16(ET_REL), typeExecutable = UInt16(ET_EXEC)
    static let typeShared = UInt16(ET_DYN), typeCore = UInt16(ET_CORE)
    static let programExtendedCount = UInt16(PN_XNUM)
    static let segmentLoad = UInt32(PT_LOAD), segmentProgramHeaders = UInt32(PT_PHDR)
    static let segmentTLS = UInt32(PT_TLS), segmentInterpreter = UInt32(PT_INTERP)
    static let sectionSymbols = UInt32(SHT_SYMTAB), sectionNoBits = UInt32(SHT_NOBITS)
    static let sectionUndefined = UInt16(SHN_UNDEF)
    static let symbolNoType = UInt8(STT_NOTYPE), symbolObject = UInt8(STT_OBJECT)
    static let symbolFunction = UInt8(STT_FUNC)
    static let bindingLocal = UInt8(STB_LOCAL)
}
