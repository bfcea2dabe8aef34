/// Why a file is not an ELF program tinyrv can run. Every case is one failure; `description` is a one-line
/// reason naming the problem, suitable for `tinyrv: <description>` on stderr. `tinyrv run` exits 127 for
/// `fileNotFound` and 126 for every other case (see the design's exit-status table).
///
/// Segment numbers are program header indices (as `readelf -l` numbers them), not PT_LOAD ordinals.
public enum ELFError: Error, Equatable, CustomStringConvertible {
    /// A part of the file that the headers promise but the file is too short to hold.
    public enum FilePart: Equatable, Sendable, CustomStringConvertible {
        case elfHeader
        case programHeader(Int)
        case sectionHeaderTable
        case section(index: Int, name: String)

        public var description: String {
            switch self {
            case .elfHeader: "ELF header"
            case .programHeader(let index): "program header \(index)"
            case .sectionHeaderTable: "section header table"
            case .section(let index, let name): "section \(index) (\(name.isEmpty ? "unnamed" : name))"
            }
        }
    }

    /// No file at the path.
    case fileNotFound(String)
    /// The file exists but could not be read: path, then the reason (e.g. strerror text).
    case unreadable(String, String)
    /// The file does not start with the ELF magic `\x7fELF`.
    case notELF
    /// The file ends before the named part does.
    case truncated(FilePart)
    /// `EI_CLASS` is not ELFCLASS64.
    case wrongClass(UInt8)
    /// `EI_DATA` is not ELFDATA2LSB.
    case wrongByteOrder(UInt8)
    /// `EI_VERSION` is not EV_CURRENT.
    case unsupportedVersion(UInt8)
    /// `e_machine` is not EM_RISCV.
    case wrongMachine(UInt16)
    /// `e_type` is neither ET_EXEC nor ET_DYN.
    case notExecutable(UInt16)
    /// `e_phentsize` is not the size of an Elf64_Phdr.
    case badProgramHeaderEntrySize(UInt16)
    /// `e_shentsize` is not the size of an Elf64_Shdr.
    case badSectionHeaderEntrySize(UInt16)
    /// The segment's file bytes (`p_offset + p_filesz`) do not lie inside the file, or the sum overflows.
    case segmentOutsideFile(Int)
    /// `p_filesz > p_memsz`.
    case fileSizeExceedsMemorySize(segment: Int, fileSize: UInt64, memorySize: UInt64)
    /// Two PT_LOAD segments share virtual addresses; the lower program header index comes first.
    case overlappingSegments(Int, Int)
    /// `p_memsz` exceeds `ELFFile.maximumSegmentSize` (1 GiB).
    case absurdSize(segment: Int, memorySize: UInt64)
    /// `address + p_memsz` overflows 64 bits (virtual or physical address).
    case addressOverflow(segment: Int, address: UInt64, memorySize: UInt64)
    /// The segment's virtual range ends above `ELFFile.addressSpaceLimit` (2^38).
    case beyondAddressSpace(segment: Int, end: UInt64)
    /// The PT_INTERP segment does not hold a NUL-terminated, non-empty path.
    case badInterpreter
    /// The file has no PT_LOAD segment, so there is nothing to run.
    case noLoadableSegments
    /// libelf rejected the file for a reason tinyrv does not classify; the payload is libelf's message.
    case malformed(String)

    public var description: String {
        switch self {
        case .fileNotFound(let path): "\(path): no such file"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .notELF: "not an ELF file"
        case .truncated(let part): "truncated: \(part) extends past the end of the file"
        case .wrongClass(let value): "wrong class: \(Self.className(value)) (expected ELFCLASS64)"
        case .wrongByteOrder(let value):
            "wrong byte order: \(Self.dataName(value)) (expected ELFDATA2LSB, little-endian)"
        case .unsupportedVersion(let value): "unsupported ELF version \(value) (expected EV_CURRENT, 1)"
        case .wrongMachine(let value): "wrong machine: \(Self.machineName(value)) (expected RISC-V)"
        case .notExecutable(let value):
            "not an executable: \(Self.typeName(value)) (tinyrv runs ET_EXEC and ET_DYN programs)"
        case .badProgramHeaderEntrySize(let size):
            "program header entry size is \(size) bytes (expected \(ELFConstant.programHeader64Size))"
        case .badSectionHeaderEntrySize(let size):
            "section header entry size is \(size) bytes (expected \(ELFConstant.sectionHeader64Size))"
        case .segmentOutsideFile(let index): "segment \(index) lies outside the file"
        case .fileSizeExceedsMemorySize(let index, let fileSize, let memorySize):
            "segment \(index): file size \(hex(fileSize)) exceeds memory size \(hex(memorySize))"
        case .overlappingSegments(let first, let second): "segments \(first) and \(second) overlap"
        case .absurdSize(let index, let memorySize): "segment \(index) is absurdly large (\(hex(memorySize)))"
        case .addressOverflow(let index, let address, let memorySize):
            "segment \(index): address range \(hex(address)) + \(hex(memorySize)) overflows"
        case .beyondAddressSpace(let index, let end):
            "segment \(index) ends at \(hex(end)), beyond the 38-bit user address space (\(hex(ELFFile.addressSpaceLimit)))"
        case .badInterpreter: "PT_INTERP does not hold a NUL-terminated path"
        case .noLoadableSegments: "no loadable segments"
        case .malformed(let reason): "malformed ELF file: \(reason)"
        }
    }

    private static func className(_ value: UInt8) -> String {
        switch value {
        case 0: "ELFCLASSNONE"
        case ELFConstant.class32: "ELFCLASS32"
        case ELFConstant.class64: "ELFCLASS64"
        default: "invalid class \(value)"
        }
    }

    private static func dataName(_ value: UInt8) -> String {
        switch value {
        case 0: "ELFDATANONE"
        case ELFConstant.bigEndian: "ELFDATA2MSB, big-endian"
        case ELFConstant.littleEndian: "ELFDATA2LSB, little-endian"
        default: "invalid byte order \(value)"
        }
    }

    private static func typeName(_ value: UInt16) -> String {
        switch value {
        case ELFConstant.typeNone: "ET_NONE"
        case ELFConstant.typeRelocatable: "ET_REL"
        case ELFConstant.typeExecutable: "ET_EXEC"
        case ELFConstant.typeShared: "ET_DYN"
        case ELFConstant.typeCore: "ET_CORE"
        default: "type \(hex(UInt64(value)))"
        }
    }

    private static let machineNames: [UInt16: String] = [
        0: "none", 2: "SPARC", 3: "x86", 8: "MIPS", 20: "PowerPC", 21: "PowerPC64", 22: "s390",
        40: "ARM", 43: "SPARC V9", 50: "IA-64", 62: "x86-64", 183: "AArch64", 243: "RISC-V",
        258: "LoongArch",
    ]

    private static func machineName(_ value: UInt16) -> String {
        machineNames[value] ?? "machine \(value)"
    }
}

/// `0x`-prefixed lowercase hexadecimal, the form every address in tinyrv's messages takes.
func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }
