/// A validated RV64 ELF executable: its entry, its loadable segments with their bytes, its program header
/// table (for the auxv) and its symbols and sections. The seed has no ELF counterpart: the kernel maps
/// each PT_LOAD as one memory region (`as_map_memregion`, `AddressSpace.map(...)`).
///
/// Everything is copied out of the file during `init`; no libelf handle outlives it, and the value is
/// immutable and `Sendable`.
public struct ELFFile: Sendable {
    /// Largest `p_memsz` accepted for a PT_LOAD segment: 1 GiB.
    public static let maximumSegmentSize: UInt64 = 1 << 30
    /// Every PT_LOAD's virtual range must end at or below this: 2^38, the end of Sv39's user half
    /// (addresses from 2^38 up sign-extend into the kernel half).
    public static let addressSpaceLimit: UInt64 = 1 << 38

    /// `e_entry`: where execution starts (relative to the load base when `isPositionIndependent`).
    public let entry: UInt64
    /// True for ET_DYN (a position-independent executable, or a shared object such as the dynamic
    /// loader): its addresses are offsets from a load base the kernel chooses. False for ET_EXEC.
    public let isPositionIndependent: Bool
    /// The PT_INTERP path (the dynamic loader, e.g. `/lib/ld-linux-riscv64-lp64d.so.1`), nil for a
    /// program that starts at its own entry.
    public let interpreter: String?
    /// The PT_LOAD segments in file (program header) order; never empty, pairwise disjoint virtual ranges.
    public let segments: [ELFSegment]
    /// The program header table's location and shape, for AT_PHDR, AT_PHENT and AT_PHNUM.
    public let programHeaders: ProgramHeaderTable
    /// The PT_TLS segment, if any (informational; its bytes are the TLS initialisation image).
    public let tls: ELFSegment?
    private let symbols: SymbolIndex
    private let sections: SectionTable

    /// Reads the file at `path` and parses it as `init(bytes:)` does.
    /// Throws `.fileNotFound(path)`, `.unreadable(path, reason)`, or any error of `init(bytes:)`.
    public init(path: String) throws(ELFError) {
        try self.init(bytes: FileReading.contents(of: path))
    }

    /// Parses `bytes` with libelf (`elf_memory`) and validates them, in this order: the ELF magic and
    /// header (ELFCLASS64, ELFDATA2LSB, EM_RISCV, ET_EXEC or ET_DYN), the program header table's bounds,
    /// every PT_LOAD, PT_TLS and PT_INTERP segment, overlap between PT_LOAD segments, the presence of a PT_LOAD, then the
    /// section header table and section bounds. Throws the `ELFError` of the first failed check.
    public init(bytes: [UInt8]) throws(ELFError) {
        let parsed = LibELFImage.open(bytes) { image -> Result<ELFFile, ELFError> in
            guard image.isELF else { return .failure(HeaderValidation.diagnoseRejectedImage(bytes)) }
            do throws(ELFError) {
                return .success(try ELFFile(image: image, fileSize: UInt64(bytes.count)))
            } catch {
                return .failure(error)
            }
        }
        switch parsed {
        case .success(let file)?: self = file
        case .failure(let error)?: throw error
        case nil: throw HeaderValidation.diagnoseRejectedImage(bytes)
        }
    }

    private init(image: LibELFImage, fileSize: UInt64) throws(ELFError) {
        guard let ident = image.identification else { throw .malformed(LibELFImage.lastErrorMessage) }
        try HeaderValidation.checkIdentification(ident)
        guard let header = image.header else { throw .malformed(LibELFImage.lastErrorMessage) }
        try HeaderValidation.checkHeader(header)
        let headerCount = try HeaderValidation.checkProgramHeaderTable(
            header, resolvedCount: image.programHeaderCount ?? 0, fileSize: fileSize)

        var loads: [(index: Int, phdr: RawProgramHeader)] = []
        var segments: [ELFSegment] = []
        var tls: ELFSegment?
        var programHeaderAddress: UInt64?
        var interpreter: String?
        for index in 0..<headerCount {
            guard let phdr = image.programHeader(index) else { throw .malformed(LibELFImage.lastErrorMessage) }
            switch phdr.type {
            case ELFConstant.segmentLoad:
                try SegmentValidation.checkContents(phdr, index: index, fileSize: fileSize)
                try SegmentValidation.checkPlacement(phdr, index: index)
                loads.append((index, phdr))
                segments.append(try Self.segment(phdr, image: image))
            case ELFConstant.segmentTLS:
                try SegmentValidation.checkContents(phdr, index: index, fileSize: fileSize)
                tls = try Self.segment(phdr, image: image)
            case ELFConstant.segmentProgramHeaders:
                programHeaderAddress = phdr.virtualAddress
            case ELFConstant.segmentInterpreter:
                try SegmentValidation.checkContents(phdr, index: index, fileSize: fileSize)
                interpreter = try Self.interpreterPath(phdr, image: image)
            default:
                break
            }
        }
        try SegmentValidation.checkDisjoint(loads)
        guard !segments.isEmpty else { throw .noLoadableSegments }

        try HeaderValidation.checkSectionHeaderTable(
            header, resolvedCount: image.sectionHeaderCount ?? 0, fileSize: fileSize)
        guard let sectionList = image.sectionHeaders() else { throw .malformed(LibELFImage.lastErrorMessage) }
        try HeaderValidation.checkSections(sectionList, fileSize: fileSize)
        var symbolList: [RawSymbol] = []
        for section in sectionList where section.type == ELFConstant.sectionSymbols {
            guard let symbols = image.symbols(in: section) else { throw .malformed(LibELFImage.lastErrorMessage) }
            symbolList += symbols
        }
        guard let sections = SectionTable(sectionList, image: image) else {
            throw .malformed(LibELFImage.lastErrorMessage)
        }

        let tableSize = UInt64(headerCount) * UInt64(header.programHeaderEntrySize)
        let table = (offset: header.programHeaderOffset, size: tableSize)
        self.entry = header.entry
        self.isPositionIndependent = header.type == ELFConstant.typeShared
        self.interpreter = interpreter
        self.segments = segments
        self.tls = tls
        self.programHeaders = ProgramHeaderTable(
            virtualAddress: programHeaderAddress ?? Self.loadedAddress(ofFileRange: table, in: segments),
            entrySize: UInt64(header.programHeaderEntrySize), count: UInt64(headerCount),
            fileOffset: header.programHeaderOffset)
        self.symbols = SymbolIndex(symbolList)
        self.sections = sections
    }

    /// The value of symbol `name` from `.symtab` (e.g. "tohost", "fromhost"); nil if it is absent or undefined.
    public func symbol(named name: String) -> UInt64? {
        symbols.address(of: name)
    }

    /// The function or object symbol containing `address`: the nearest one starting at or below it whose
    /// size covers it, or, if the nearest has size 0, that one. Returns its name and `address`'s offset
    /// into it; nil when no symbol applies (for traces and kill messages).
    public func symbolize(_ address: UInt64) -> (name: String, offset: UInt64)? {
        symbols.symbolize(address)
    }

    /// The raw bytes of the section called `name` (e.g. ".tinyrv_expect"); nil if absent or SHT_NOBITS.
    public func section(named name: String) -> [UInt8]? {
        sections.contents(of: name)
    }

    private static func segment(_ phdr: RawProgramHeader, image: LibELFImage) throws(ELFError) -> ELFSegment {
        guard let bytes = image.fileBytes(offset: phdr.offset, size: phdr.fileSize) else {
            throw .malformed(LibELFImage.lastErrorMessage)
        }
        return ELFSegment(
            virtualAddress: phdr.virtualAddress, physicalAddress: phdr.physicalAddress,
            fileSize: phdr.fileSize, memorySize: phdr.memorySize, alignment: phdr.alignment,
            flags: SegmentFlags(rawValue: phdr.flags).intersection([.read, .write, .execute]),
            bytes: bytes, fileOffset: phdr.offset)
    }

    /// The path PT_INTERP names: its bytes up to the first NUL. Throws `.badInterpreter` for an empty
    /// path or one with no NUL.
    private static func interpreterPath(_ phdr: RawProgramHeader, image: LibELFImage) throws(ELFError) -> String {
        guard let bytes = image.fileBytes(offset: phdr.offset, size: phdr.fileSize) else {
            throw .malformed(LibELFImage.lastErrorMessage)
        }
        guard let nul = bytes.firstIndex(of: 0), nul > 0 else { throw .badInterpreter }
        return String(decoding: bytes[..<nul], as: UTF8.self)
    }

    /// Where the file range lands in memory: inside the first PT_LOAD whose file bytes cover all of it
    /// (as Linux computes AT_PHDR without PT_PHDR); nil if none does.
    private static func loadedAddress(ofFileRange range: (offset: UInt64, size: UInt64),
                                      in segments: [ELFSegment]) -> UInt64? {
        guard let segment = segments.first(where: {
            $0.fileOffset <= range.offset && range.offset - $0.fileOffset + range.size <= $0.fileSize
        }) else { return nil }
        return segment.virtualAddress + (range.offset - segment.fileOffset)
    }
}
