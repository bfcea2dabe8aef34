/// Checks of the ELF header and of the header tables' placement in the file.
///
/// libelf parses; these functions decide whether what it parsed is a program tinyrv can run. libelf
/// silently caps the program header count at what fits and reports a truncated section header table as
/// empty, so table bounds are checked here against the header's own counts.
enum HeaderValidation {
    /// Names the problem with an image that libelf refused (`elf_memory` failed or `elf_kind` is not
    /// ELF_K_ELF). libelf only says "invalid ELF file data" then, so this reads the `e_ident` bytes, the
    /// one thing it declined to interpret, to give the precise reason.
    static func diagnoseRejectedImage(_ bytes: [UInt8]) -> ELFError {
        guard bytes.starts(with: ELFConstant.magic) else { return .notELF }
        guard bytes.count >= ELFConstant.identSize else { return .truncated(.elfHeader) }
        let elfClass = bytes[ELFConstant.classIndex]
        guard elfClass == ELFConstant.class64 else { return .wrongClass(elfClass) }
        let data = bytes[ELFConstant.dataIndex]
        guard data == ELFConstant.littleEndian else { return .wrongByteOrder(data) }
        let version = bytes[ELFConstant.versionIndex]
        guard version == ELFConstant.currentVersion else { return .unsupportedVersion(version) }
        guard bytes.count >= ELFConstant.header64Size else { return .truncated(.elfHeader) }
        return .malformed(LibELFImage.lastErrorMessage)
    }

    /// Requires ELFCLASS64 and ELFDATA2LSB in the identification bytes libelf returned.
    static func checkIdentification(_ ident: [UInt8]) throws(ELFError) {
        let elfClass = ident[ELFConstant.classIndex]
        guard elfClass == ELFConstant.class64 else { throw .wrongClass(elfClass) }
        let data = ident[ELFConstant.dataIndex]
        guard data == ELFConstant.littleEndian else { throw .wrongByteOrder(data) }
    }

    /// Requires EM_RISCV, then ET_EXEC or ET_DYN (a position-independent executable or a shared object
    /// such as the dynamic loader).
    static func checkHeader(_ header: RawHeader) throws(ELFError) {
        guard header.machine == ELFConstant.machineRISCV else { throw .wrongMachine(header.machine) }
        guard header.type == ELFConstant.typeExecutable || header.type == ELFConstant.typeShared else {
            throw .notExecutable(header.type)
        }
    }

    /// Requires every program header the ELF header announces to lie inside the file, with the ELF64
    /// entry size. `resolvedCount` is libelf's count, used only for extended numbering (PN_XNUM).
    /// Returns the number of program headers.
    static func checkProgramHeaderTable(_ header: RawHeader, resolvedCount: Int, fileSize: UInt64)
        throws(ELFError) -> Int {
        let count = header.programHeaderCount == ELFConstant.programExtendedCount
            ? resolvedCount : Int(header.programHeaderCount)
        guard count > 0 else { return 0 }
        let entrySize = UInt64(header.programHeaderEntrySize)
        guard entrySize == UInt64(ELFConstant.programHeader64Size) else {
            throw .badProgramHeaderEntrySize(header.programHeaderEntrySize)
        }
        for index in 0..<count {
            let end = tableEnd(offset: header.programHeaderOffset, entries: UInt64(index) + 1, entrySize: entrySize)
            guard let end, end <= fileSize else { throw .truncated(.programHeader(index)) }
        }
        return count
    }

    /// Requires the section header table, if any, to lie inside the file with the ELF64 entry size.
    /// With `e_shnum == 0` and a table present, section 0 holds the real count (`resolvedCount`).
    static func checkSectionHeaderTable(_ header: RawHeader, resolvedCount: Int, fileSize: UInt64)
        throws(ELFError) {
        guard header.sectionHeaderOffset != 0 else { return }
        let entrySize = UInt64(header.sectionHeaderEntrySize)
        guard entrySize == UInt64(ELFConstant.sectionHeader64Size) else {
            throw .badSectionHeaderEntrySize(header.sectionHeaderEntrySize)
        }
        let announced = header.sectionHeaderCount == 0 ? 1 : Int(header.sectionHeaderCount)
        let count = max(announced, resolvedCount)
        let end = tableEnd(offset: header.sectionHeaderOffset, entries: UInt64(count), entrySize: entrySize)
        guard let end, end <= fileSize else { throw .truncated(.sectionHeaderTable) }
    }

    /// Requires the bytes of every section that occupies file space to lie inside the file.
    static func checkSections(_ sections: [RawSection], fileSize: UInt64) throws(ELFError) {
        for section in sections where section.type != ELFConstant.sectionNoBits {
            let (end, overflow) = section.offset.addingReportingOverflow(section.size)
            guard !overflow, end <= fileSize else {
                throw .truncated(.section(index: section.index, name: section.name))
            }
        }
    }

    /// `offset + entries * entrySize`, or nil on overflow.
    private static func tableEnd(offset: UInt64, entries: UInt64, entrySize: UInt64) -> UInt64? {
        let (length, lengthOverflow) = entries.multipliedReportingOverflow(by: entrySize)
        let (end, endOverflow) = offset.addingReportingOverflow(length)
        return lengthOverflow || endOverflow ? nil : end
    }
}
